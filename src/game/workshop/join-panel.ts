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

const STYLE = `
.workshop-join { position: fixed; inset: 0; display: grid; place-items: center; background: rgba(10, 14, 22, 0.78); z-index: 20; }
.workshop-join form { width: min(440px, 92vw); padding: 24px 28px; background: #1b2230; border: 2px solid #3cc6b4; border-radius: 14px; color: #f4f1ea; font: 18px system-ui, sans-serif; box-shadow: 0 10px 40px rgba(0,0,0,.5); }
.workshop-join h2 { margin: 0 0 6px; font-size: 26px; }
.workshop-join p { margin: 0 0 14px; color: #a9b3c7; font-size: 16px; }
.workshop-join label { display: block; margin: 12px 0 4px; font-weight: 600; }
.workshop-join input { box-sizing: border-box; width: 100%; padding: 10px 12px; font: inherit; color: #141a25; background: #f4f1ea; border: 2px solid #46546f; border-radius: 8px; }
.workshop-join input[name="code"] { text-transform: uppercase; letter-spacing: 0.2em; font-family: "DejaVu Sans Mono", monospace; }
.workshop-join .workshop-error { margin-top: 12px; color: #141a25; background: #f2a65a; padding: 8px 10px; border-radius: 8px; font-weight: 600; }
.workshop-join .row { display: flex; gap: 12px; margin-top: 18px; }
.workshop-join button { flex: 1; padding: 10px; font: inherit; font-weight: 600; border-radius: 8px; border: 2px solid #46546f; background: #263044; color: #f4f1ea; cursor: pointer; }
.workshop-join button[type="submit"] { background: #249384; border-color: #3cc6b4; }
.workshop-join :focus-visible { outline: 3px solid #ffd166; outline-offset: 2px; }
.workshop-status { position: fixed; left: 8px; bottom: 8px; margin: 0; padding: 6px 12px; border-radius: 8px; background: rgba(20, 26, 37, 0.9); color: #f4f1ea; font: 14px system-ui, sans-serif; z-index: 6; border: 1px solid #46546f; }
.workshop-status[data-kind="refused"], .workshop-status[data-kind="offline"] { background: #f2a65a; color: #141a25; font-weight: 600; }
.workshop-status[data-kind="verified"] { border-color: #3cc6b4; }
`;

function ensureStyle(): void {
  if (document.getElementById('workshop-style')) return;
  const style = document.createElement('style');
  style.id = 'workshop-style';
  style.textContent = STYLE;
  document.head.append(style);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, testid?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (testid) node.dataset['testid'] = testid;
  return node;
}

export function showJoinPanel(o: { code?: string; onJoin: (code: string, name: string) => void; onCancel: () => void }): JoinPanel {
  ensureStyle();
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
  ensureStyle();
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
