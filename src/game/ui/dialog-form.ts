/**
 * The game's plain-DOM dialog forms (the workshop join form, the learning record store settings): an
 * overlay over the stage with a form marked as a modal dialog, a heading, labelled inputs, a message
 * line and a row of buttons. DOM rather than canvas, so they work with the keyboard, screen readers and
 * phone keyboards. Every text shown is set with textContent, never parsed as HTML.
 */

/** An element with its text and its test id (data-testid). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, testid?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (testid) node.dataset['testid'] = testid;
  return node;
}

export interface DialogForm {
  /** The overlay: append it to the page to show the dialog, remove it to close it. */
  root: HTMLDivElement;
  form: HTMLFormElement;
}

/**
 * The overlay (of the given class, which its stylesheet styles) holding a modal dialog form named by its
 * heading, with one line of introduction. The form checks its own fields (noValidate), and keys typed in
 * it belong to it, not to the game's shortcuts underneath.
 */
export function dialogForm(o: { className: string; titleId: string; title: string; intro: string }): DialogForm {
  const root = el('div');
  root.className = o.className;
  const form = el('form');
  form.setAttribute('role', 'dialog');
  form.setAttribute('aria-modal', 'true');
  form.setAttribute('aria-labelledby', o.titleId);
  form.noValidate = true;
  const title = el('h2', o.title);
  title.id = o.titleId;
  form.append(title, el('p', o.intro));
  root.append(form);
  form.addEventListener('keydown', (e) => e.stopPropagation());
  return { root, form };
}

type InputProps = Partial<Pick<HTMLInputElement, 'name' | 'type' | 'autocapitalize' | 'spellcheck' | 'placeholder' | 'maxLength' | 'value'>> & {
  /** Any autofill token ('off', 'nickname'...): set as the attribute, as TypeScript's list of tokens is short of some. */
  autocomplete?: string;
};

/** An input inside its label, so a click on the label or a screen reader finds it by the label's text. */
export function labelledInput(label: string, testid: string, props: InputProps): { label: HTMLLabelElement; input: HTMLInputElement } {
  const wrapper = el('label', label);
  const input = el('input', undefined, testid);
  const { autocomplete, ...rest } = props;
  Object.assign(input, rest);
  if (autocomplete !== undefined) input.setAttribute('autocomplete', autocomplete);
  wrapper.append(input);
  return { label: wrapper, input };
}

/** A message line, hidden until something is said: `status` for news, `alert` for a refusal read out at once. */
export function messageLine(className: string, testid: string, role: 'status' | 'alert'): HTMLParagraphElement {
  const line = el('p', '', testid);
  line.className = className;
  line.setAttribute('role', role);
  line.hidden = true;
  return line;
}

export function button(text: string, testid: string, type: 'button' | 'submit'): HTMLButtonElement {
  const b = el('button', text, testid);
  b.type = type;
  return b;
}

export function buttonRow(...buttons: HTMLButtonElement[]): HTMLDivElement {
  const row = el('div');
  row.className = 'row';
  row.append(...buttons);
  return row;
}
