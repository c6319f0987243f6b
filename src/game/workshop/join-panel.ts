// A stylesheet bundled as a file: the page's Content-Security-Policy allows no <style> made at run time.
import './join-panel.css';
import { DisplayNameSchema, MAX_NAME, RoomCodeSchema } from '../../server/protocol.ts';
import { button, buttonRow, dialogForm, el, labelledInput, messageLine } from '../ui/dialog-form.ts';

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

export function showJoinPanel(o: { code?: string; onJoin: (code: string, name: string) => void; onCancel: () => void }): JoinPanel {
  const { root, form } = dialogForm({
    className: 'workshop-join',
    titleId: 'workshop-join-title',
    title: 'Join a workshop room',
    intro: 'Type the code on the projector and the name the room will see. Nothing else is asked.',
  });
  const code = labelledInput('Room code', 'workshop-code', {
    name: 'code',
    autocomplete: 'off',
    maxLength: 12,
    value: o.code ?? '',
    autocapitalize: 'characters',
  });
  const name = labelledInput('Your name', 'workshop-name', { name: 'name', autocomplete: 'nickname', maxLength: MAX_NAME });
  const error = messageLine('workshop-error', 'workshop-error', 'alert');
  const join = button('Join', 'workshop-join', 'submit');
  const cancel = button('Cancel', 'workshop-cancel', 'button');
  form.append(code.label, name.label, error, buttonRow(join, cancel));
  document.body.append(root);

  const fail = (message: string) => {
    error.textContent = message;
    error.hidden = false;
    join.disabled = false;
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const c = RoomCodeSchema.safeParse(code.input.value);
    if (!c.success) return fail(c.error.issues[0]!.message);
    const n = DisplayNameSchema.safeParse(name.input.value);
    if (!n.success) return fail(`Name: ${n.error.issues[0]!.message}`);
    join.disabled = true;
    error.hidden = true;
    o.onJoin(c.data, n.data);
  });
  cancel.addEventListener('click', () => {
    root.remove();
    o.onCancel();
  });
  (code.input.value ? name.input : code.input).focus();
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
