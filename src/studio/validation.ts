import { loadScenario, ScenarioError, type Scenario } from '../engine/index.ts';

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
 * Validates the editor's text with the engine's own loader (the same checks and words as `walkaway
 * check`), and times it: the studio reports the figure, and it must stay well inside a keystroke pause.
 */
export function validateText(text: string, fileName: string): Validation {
  const started = performance.now();
  try {
    const scenario = loadScenario(text, fileName);
    return { ok: true, scenario, problems: [], ms: performance.now() - started };
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    const problems = e.problems.map((p): EditorProblem => ({ line: p.line, col: p.col, path: p.path, message: p.message, severity: 'error' }));
    return { ok: false, problems, ms: performance.now() - started };
  }
}
