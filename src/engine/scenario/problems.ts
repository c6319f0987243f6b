/**
 * A problem found in a scenario file, located for a trainer: `file:line:col  field  message`.
 * Errors stop the file from loading; warnings point at something that plays, but probably not as the
 * trainer meant it (a mistyped tag, a line that promises one amount while its terms sign another).
 */
export interface ScenarioProblem {
  file: string;
  line: number;
  col: number;
  /** The field, with list items counted from 1 (`issues[1].options[2].label`); '' for the file as a whole. */
  path: string;
  message: string;
  /** Absent means 'error'. */
  severity?: ProblemSeverity;
  /** The line of the file the problem is on, shown with a caret under `col` (YAML syntax problems). */
  source?: string;
}

export type ProblemSeverity = 'error' | 'warning';

export function isWarning(p: ScenarioProblem): boolean {
  return p.severity === 'warning';
}

/**
 * A field path as a trainer reads it: names joined by dots, list items counted from 1 in brackets
 * (`beats[3].choices[1].next`), as a trainer counts the dashes in the file.
 */
export function fieldPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part + 1}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

/**
 * One problem as text: `file:line:col  field  message` (warnings: `file:line:col  warning  field
 * message`), followed for a syntax problem by the line itself and a caret under the column.
 */
export function formatProblem(p: ScenarioProblem): string {
  const head = `${p.file}:${p.line}:${p.col}  ${isWarning(p) ? 'warning  ' : ''}${p.path || '(file)'}  ${p.message}`;
  if (p.source === undefined) return head;
  const number = String(p.line);
  const gutter = ' '.repeat(number.length);
  // Tabs are shown as one space so the caret stays under the column it names.
  const shown = p.source.replace(/\t/g, ' ');
  return `${head}\n  ${number} | ${shown}\n  ${gutter} | ${' '.repeat(Math.max(0, p.col - 1))}^`;
}

/** Thrown when a scenario cannot be loaded; carries every problem found, not just the first. */
export class ScenarioError extends Error {
  readonly problems: ScenarioProblem[];
  constructor(problems: ScenarioProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ScenarioError';
    this.problems = problems;
  }
}
