// A stylesheet bundled as a file: the page's Content-Security-Policy allows no <style> made at run time.
import './join-panel.css';
import { DisplayNameSchema, MAX_NAME, RoomCodeSchema } from '../../server/protocol.ts';

/**
 * The join form: a room code (prefilled from a join link) and a display name, nothing else. Plain DOM
 * over the game, so it works with the keyboard, screen readers and phone keyboards. Every text shown
 * is set with textContent.
 */
export interface JoinPanel {
  /** Shows a refusal (bad code, name taken, room locked...) and lets the rep try again. */
  fail(message: string): void;
  close(): void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, testid?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (testid) node.dataset['testid'] = testid;
  return node;
}

export function showJoinPanel(o: { code?: string; onJoin: (code: string, name: string) => void; onCancel: () => void }): JoinPanel {
  const root = el('div');
  root.className = 'workshop-join';
  const form = el('form');
  form.setAttribute('role', 'dialog');
  form.setAttribute('aria-modal', 'true');
  form.setAttribute('aria-labelledby', 'workshop-join-title');
  form.noValidate = true;
  const title = el('h2', 'Join a workshop room');
  title.id = 'workshop-join-title';
  const intro = el('p', 'Type the code on the projector and the name the room will see. Nothing else is asked.');
  const codeLabel = el('label', 'Room code');
  const code = el('input', undefined, 'workshop-code');
  code.name = 'code';
  code.autocomplete = 'off';
  code.maxLength = 12;
  code.value = o.code ?? '';
  code.setAttribute('autocapitalize', 'characters');
  codeLabel.append(code);
  const nameLabel = el('label', 'Your name');
  const name = el('input', undefined, 'workshop-name');
  name.name = 'name';
  name.setAttribute('autocomplete', 'nickname');
  name.maxLength = MAX_NAME;
  nameLabel.append(name);
  const error = el('p', '', 'workshop-error');
  error.className = 'workshop-error';
  error.setAttribute('role', 'alert');
  error.hidden = true;
  const row = el('div');
  row.className = 'row';
  const join = el('button', 'Join', 'workshop-join');
  join.type = 'submit';
  const cancel = el('button', 'Cancel', 'workshop-cancel');
  cancel.type = 'button';
  row.append(join, cancel);
  form.append(title, intro, codeLabel, nameLabel, error, row);
  root.append(form);
  document.body.append(root);
  // Keys typed here belong to the form, not to the game's shortcuts underneath.
  form.addEventListener('keydown', (e) => e.stopPropagation());

  const fail = (message: string) => {
    error.textContent = message;
    error.hidden = false;
    join.disabled = false;
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const c = RoomCodeSchema.safeParse(code.value);
    if (!c.success) return fail(c.error.issues[0]!.message);
    const n = DisplayNameSchema.safeParse(name.value);
    if (!n.success) return fail(`Name: ${n.error.issues[0]!.message}`);
    join.disabled = true;
    error.hidden = true;
    o.onJoin(c.data, n.data);
  });
  cancel.addEventListener('click', () => {
    root.remove();
    o.onCancel();
  });
  (code.value ? name : code).focus();
  return { fail, close: () => root.remove() };
}

/** The small line in a corner that tells the rep their moves reach the room. */
export function statusLine(): { set(kind: string, text: string): void; remove(): void } {
  let p = document.querySelector<HTMLParagraphElement>('.workshop-status');
  if (!p) {
    p = el('p', '', 'workshop-status');
    p.className = 'workshop-status';
    p.setAttribute('role', 'status');
    document.body.append(p);
  }
  const line = p;
  return {
    set(kind, text) {
      line.dataset['kind'] = kind;
      line.textContent = text;
    },
    remove: () => line.remove(),
  };
}
