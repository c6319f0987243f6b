import type { Validation } from './validation.ts';
import { el } from './dom.ts';

/**
 * The problems of the current text as a list, each a button that moves the editor's cursor to it (the
 * editor itself marks them at their line). Words and places are the loader's, as `walkaway check` prints.
 */
export class ProblemsView {
  readonly root: HTMLElement;
  private readonly list: HTMLElement;
  private readonly heading: HTMLElement;

  constructor(
    root: HTMLElement,
    private readonly goTo: (line: number, col: number) => void,
  ) {
    this.root = root;
    this.heading = el('p', { className: 'status', role: 'status', 'data-testid': 'problems-status' });
    this.list = el('ul', { className: 'problems', 'data-testid': 'problems' });
    root.append(this.heading, this.list);
  }

  /** Focus the first problem (focus scrolls it into view), or the panel when there is none. */
  focusFirst(): void {
    (this.list.querySelector('button') ?? this.root).focus();
  }

  show(v: Validation): void {
    const errors = v.problems.filter((p) => p.severity === 'error').length;
    const warnings = v.problems.length - errors;
    this.heading.textContent =
      v.ok && v.problems.length === 0
        ? `No problems: the file is a valid scenario (checked in ${v.ms.toFixed(0)} ms).`
        : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} (checked in ${v.ms.toFixed(0)} ms).`;
    this.list.replaceChildren(
      ...v.problems.map((p) =>
        el(
          'li',
          { className: p.severity },
          el(
            'button',
            { type: 'button', onclick: () => this.goTo(p.line, p.col), 'data-line': String(p.line) },
            el('span', { className: 'where' }, `line ${p.line}:${p.col}`),
            ' ',
            el('span', { className: 'sev' }, p.severity),
            ' ',
            el('code', {}, p.path || '(file)'),
            ' ',
            p.message,
          ),
        ),
      ),
    );
  }
}
