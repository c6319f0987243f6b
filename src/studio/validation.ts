import { checkScenarioText, type Scenario } from '../engine/index.ts';

/** One problem of the text in the editor, located for it (1-based line and column, as `check` prints). */
export interface EditorProblem {
  line: number;
  col: number;
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

export type Validation = { ok: true; scenario: Scenario; problems: EditorProblem[]; ms: number } | { ok: false; problems: EditorProblem[]; ms: number };

/**
 * Checks the editor's text as `walkaway check` does (the engine's own loader and warnings, in the same
 * words), and times it: the studio reports the figure, and it must stay well inside a keystroke pause.
 * Warnings leave the file usable (`ok`); errors do not.
 */
export function validateText(text: string, fileName: string): Validation {
  const started = performance.now();
  const checked = checkScenarioText(text, fileName);
  const problems = checked.problems.map(
    (p): EditorProblem => ({ line: p.line, col: p.col, path: p.path, message: p.message, severity: p.severity ?? 'error' }),
  );
  const ms = performance.now() - started;
  return checked.scenario ? { ok: true, scenario: checked.scenario, problems, ms } : { ok: false, problems, ms };
}
