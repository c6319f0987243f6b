// First, before any schema exists (see src/web/zod-jitless.ts): this module is loaded on its own.
import '../../web/zod-jitless.ts';
// A stylesheet bundled as a file: the page's Content-Security-Policy allows no <style> made at run time.
import './lrs-settings-form.css';
import {
  clearLrsSettings,
  loadLrsSettings,
  lrsSettingsProblem,
  LrsSettingsSchema,
  storeLrsSettings,
  testLrsConnection,
  type LrsSettings,
} from '../../lms/xapi/lrs-settings.ts';
import { relinkLrs } from './lrs-link.ts';

/**
 * The learning record store settings: an L&D admin or a rep enters the LRS's xAPI endpoint, key and
 * secret, tests the connection, saves them on this device or clears them. Plain DOM over the game, so
 * it works with the keyboard and screen readers; every text shown is set with textContent.
 */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, testid?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (testid) node.dataset['testid'] = testid;
  return node;
}

function field(label: string, name: keyof LrsSettings, type: string, testid: string, hint: string): { label: HTMLLabelElement; input: HTMLInputElement } {
  const wrapper = el('label', label);
  const input = el('input', undefined, testid);
  input.name = name;
  input.type = type;
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.placeholder = hint;
  wrapper.append(input);
  return { label: wrapper, input };
}

/** Opens the dialog (once: a second call focuses the open one). Resolves when it is closed. */
export function openLrsSettings(): Promise<void> {
  const open = document.querySelector<HTMLElement>('.lrs-settings');
  if (open) {
    open.querySelector('input')?.focus();
    return Promise.resolve();
  }
  const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const root = el('div');
  root.className = 'lrs-settings';
  const form = el('form');
  form.setAttribute('role', 'dialog');
  form.setAttribute('aria-modal', 'true');
  form.setAttribute('aria-labelledby', 'lrs-settings-title');
  form.noValidate = true;
  const title = el('h2', 'Learning record store');
  title.id = 'lrs-settings-title';
  const intro = el(
    'p',
    "Send a record of every game (xAPI statements: launched, each decision, the result) to your organisation's learning record store. The address, key and secret are kept on this device only; records made offline wait here and are sent once.",
  );
  const endpoint = field('xAPI endpoint', 'endpoint', 'url', 'lrs-endpoint', 'https://lrs.example.com/xapi/');
  const key = field('Key', 'key', 'text', 'lrs-key', 'the key (user name) your LRS issued');
  const secret = field('Secret', 'secret', 'password', 'lrs-secret', 'the secret (password) that goes with it');
  const status = el('p', '', 'lrs-status');
  status.className = 'lrs-status';
  status.setAttribute('role', 'status');
  status.hidden = true;
  const row = el('div');
  row.className = 'row';
  const test = el('button', 'Test connection', 'lrs-test');
  test.type = 'button';
  const save = el('button', 'Save', 'lrs-save');
  save.type = 'submit';
  const clear = el('button', 'Clear', 'lrs-clear');
  clear.type = 'button';
  const close = el('button', 'Close', 'lrs-close');
  close.type = 'button';
  row.append(test, save, clear, close);
  form.append(title, intro, endpoint.label, key.label, secret.label, status, row);
  root.append(form);

  const saved = loadLrsSettings();
  if (saved) {
    endpoint.input.value = saved.endpoint;
    key.input.value = saved.key;
    secret.input.value = saved.secret;
  }
  const inputs = { endpoint: endpoint.input, key: key.input, secret: secret.input };
  const say = (kind: 'ok' | 'problem' | 'info', text: string) => {
    status.dataset['kind'] = kind;
    status.textContent = text;
    status.hidden = false;
  };
  const entered = () => ({ endpoint: inputs.endpoint.value, key: inputs.key.value, secret: inputs.secret.value });
  /** The entered settings, or null after showing the first problem at its field. */
  const valid = (): LrsSettings | null => {
    for (const input of Object.values(inputs)) input.removeAttribute('aria-invalid');
    const problem = lrsSettingsProblem(entered());
    if (!problem) return LrsSettingsSchema.parse(entered());
    say('problem', problem.message);
    if (problem.field) {
      inputs[problem.field].setAttribute('aria-invalid', 'true');
      inputs[problem.field].focus();
    }
    return null;
  };
  const busy = (on: boolean) => {
    for (const b of [test, save, clear]) b.disabled = on;
  };

  return new Promise<void>((resolve) => {
    const dismiss = () => {
      root.remove();
      returnFocus?.focus();
      resolve();
    };
    test.addEventListener('click', () => {
      const s = valid();
      if (!s) return;
      busy(true);
      say('info', 'Testing the connection…');
      void testLrsConnection(s).then((result) => {
        busy(false);
        if (result.ok) say('ok', `Connected: the store speaks xAPI ${result.versions.join(', ')}. Save to use it.`);
        else say('problem', result.message);
      });
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const s = valid();
      if (!s) return;
      if (!storeLrsSettings(s)) return say('problem', 'This browser keeps nothing (private window or full storage): the settings could not be saved.');
      const now = relinkLrs();
      say(
        'ok',
        now
          ? 'Saved on this device: your games from now on are recorded in this store.'
          : 'Saved on this device: games are recorded in this store from the next launch of this course.',
      );
    });
    clear.addEventListener('click', () => {
      clearLrsSettings();
      relinkLrs();
      for (const input of Object.values(inputs)) {
        input.value = '';
        input.removeAttribute('aria-invalid');
      }
      say('info', 'Cleared: nothing is sent to a learning record store from this device.');
      inputs.endpoint.focus();
    });
    close.addEventListener('click', dismiss);
    // Keys typed here belong to the form, not to the game's shortcuts underneath; Escape closes it.
    form.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.key === 'Escape') dismiss();
    });
    document.body.append(root);
    inputs.endpoint.focus();
  });
}
