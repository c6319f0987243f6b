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
import { button, buttonRow, dialogForm, labelledInput, messageLine } from '../ui/dialog-form.ts';

/**
 * The learning record store settings: an L&D admin or a rep enters the LRS's xAPI endpoint, key and
 * secret, tests the connection, saves them on this device or clears them. Plain DOM over the game, so
 * it works with the keyboard and screen readers; every text shown is set with textContent.
 */
function field(label: string, name: keyof LrsSettings, type: string, testid: string, hint: string): { label: HTMLLabelElement; input: HTMLInputElement } {
  return labelledInput(label, testid, { name, type, autocomplete: 'off', spellcheck: false, placeholder: hint });
}

/** Opens the dialog (once: a second call focuses the open one). Resolves when it is closed. */
export function openLrsSettings(): Promise<void> {
  const open = document.querySelector<HTMLElement>('.lrs-settings');
  if (open) {
    open.querySelector('input')?.focus();
    return Promise.resolve();
  }
  const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const { root, form } = dialogForm({
    className: 'lrs-settings',
    titleId: 'lrs-settings-title',
    title: 'Learning record store',
    intro:
      "Send a record of every game (xAPI statements: launched, each decision, the result) to your organisation's learning record store. The address, key and secret are kept on this device only; records made offline wait here and are sent once.",
  });
  const endpoint = field('xAPI endpoint', 'endpoint', 'url', 'lrs-endpoint', 'https://lrs.example.com/xapi/');
  const key = field('Key', 'key', 'text', 'lrs-key', 'the key (user name) your LRS issued');
  const secret = field('Secret', 'secret', 'password', 'lrs-secret', 'the secret (password) that goes with it');
  const status = messageLine('lrs-status', 'lrs-status', 'status');
  const test = button('Test connection', 'lrs-test', 'button');
  const save = button('Save', 'lrs-save', 'submit');
  const clear = button('Clear', 'lrs-clear', 'button');
  const close = button('Close', 'lrs-close', 'button');
  form.append(endpoint.label, key.label, secret.label, status, buttonRow(test, save, clear, close));

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
    // Escape closes it (the dialog form already keeps its keys from the game's shortcuts).
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') dismiss();
    });
    document.body.append(root);
    inputs.endpoint.focus();
  });
}
