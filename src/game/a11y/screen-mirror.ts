import '../ui/reading-layout.ts';

/**
 * The accessibility layer: a DOM copy of what the canvas shows. Screen readers read it, keyboard users
 * Tab through real <button>s, and the browser tests drive the game through it. Every text that comes
 * from a scenario file is set with textContent, never parsed as HTML.
 */
export interface MirrorButtonOptions {
  /** Group the button belongs to (from `group()`); default: the screen's main action list. */
  parent?: HTMLElement;
  /** Extra text read after the label (e.g. what a prep action changes). */
  description?: string;
  /** For toggles: whether it is on. */
  pressed?: boolean;
  disabled?: boolean;
}

export class ScreenMirror {
  private readonly root: HTMLElement;
  private readonly heading: HTMLHeadingElement;
  private readonly live: HTMLElement;
  private readonly content: HTMLElement;
  private readonly actions: HTMLElement;
  private renders = 0;

  constructor(root: HTMLElement) {
    this.root = root;
    this.root.classList.add('a11y');
    this.root.setAttribute('role', 'region');
    this.root.setAttribute('aria-label', 'Game (text version)');
    this.heading = el('h1', { testid: 'screen-title' });
    this.heading.tabIndex = -1;
    // The live region exists once for the whole game: screen readers only announce changes to a region
    // that was already in the page.
    this.live = el('p', { testid: 'line' });
    this.live.setAttribute('aria-live', 'polite');
    this.live.setAttribute('aria-atomic', 'true');
    this.content = el('div', { testid: 'content' });
    this.actions = el('div', { testid: 'actions' });
    this.actions.setAttribute('role', 'group');
    this.actions.setAttribute('aria-label', 'Actions');
    this.root.append(this.heading, this.live, this.content, this.actions);
    // On a phone this layer is the page to read and tap (see reading-layout.ts).
  }

  /** Starts a new screen: clears the previous one and names this one. */
  begin(screen: string, title: string): void {
    const hadFocus = this.root.contains(document.activeElement);
    this.root.dataset['screen'] = screen;
    // A counter that changes with every redraw: lets tests (and tools) wait for the next screen.
    this.root.dataset['render'] = String(++this.renders);
    this.heading.textContent = title;
    this.live.textContent = '';
    this.content.replaceChildren();
    this.actions.replaceChildren();
    // Keep keyboard users in the layer: the next Tab lands on the new screen's first control.
    if (hadFocus) this.heading.focus({ preventScroll: true });
  }

  /** What is being said now (announced politely). */
  say(speaker: string, line: string): void {
    this.live.textContent = speaker ? `${speaker}: ${line}` : line;
  }

  /** A paragraph of content. */
  text(text: string, testid?: string, parent: HTMLElement = this.content): HTMLElement {
    const p = el('p', { testid, text });
    parent.append(p);
    return p;
  }

  /** A headed list. Returns the list so items can carry their own test ids. */
  list(heading: string, items: readonly (string | { text: string; testid?: string })[], testid?: string, parent: HTMLElement = this.content): HTMLUListElement {
    const section = el('section', {});
    section.append(el('h2', { text: heading }));
    const ul = el('ul', { testid });
    for (const item of items) {
      const entry = typeof item === 'string' ? { text: item } : item;
      ul.append(el('li', { testid: entry.testid, text: entry.text }));
    }
    section.append(ul);
    parent.append(section);
    return ul;
  }

  /** A labelled group of buttons (choices, personas...). */
  group(label: string, testid?: string): HTMLElement {
    const g = el('div', { testid });
    g.setAttribute('role', 'group');
    g.setAttribute('aria-label', label);
    g.append(el('h2', { text: label }));
    this.actions.append(g);
    return g;
  }

  /** A real button with the same text as its canvas twin. */
  button(label: string, testid: string, onActivate: () => void, options: MirrorButtonOptions = {}): HTMLButtonElement {
    const b = el('button', { testid, text: label });
    b.type = 'button';
    if (options.pressed !== undefined) b.setAttribute('aria-pressed', String(options.pressed));
    if (options.disabled) b.disabled = true;
    if (options.description) {
      const d = el('span', { text: ` (${options.description})` });
      d.className = 'a11y-description';
      b.append(d);
    }
    b.addEventListener('click', (e) => {
      e.preventDefault();
      onActivate();
    });
    (options.parent ?? this.actions).append(b);
    return b;
  }

  /** Any other control (the file input). */
  control(element: HTMLElement): void {
    this.actions.append(element);
  }

  get screen(): string {
    return this.root.dataset['screen'] ?? '';
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, o: { testid?: string | undefined; text?: string }): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (o.testid) node.dataset['testid'] = o.testid;
  if (o.text !== undefined) node.textContent = o.text;
  return node;
}
