import { formatProblem, ScenarioError } from '../engine/index.ts';
import { displayPath, readScenario, scenarioFiles, SCENARIO_DIR } from './scenario-files.ts';
import type { Io } from './io.ts';

/** `walkaway check [paths...]`: validates scenario files; one line per problem, exit 1 if any. */
export function checkCommand(paths: string[], io: Io): number {
  const files = scenarioFiles(paths.length ? paths : [SCENARIO_DIR]);
  let problems = 0;
  for (const file of files) {
    // Each file is checked on its own: whatever is wrong with one, the next is still checked.
    try {
      readScenario(file);
    } catch (e) {
      const found = e instanceof ScenarioError ? e.problems : [{ file: displayPath(file), line: 1, col: 1, path: '', message: `could not be checked (${String((e as Error)?.message ?? e)})` }];
      for (const p of found) io.out(formatProblem(p));
      problems += found.length;
    }
  }
  if (files.length === 0) {
    io.err('no scenario files found');
    return 1;
  }
  io.err(problems === 0 ? `${files.length} scenario file(s) valid` : `${problems} problem(s) in ${files.length} file(s) checked`);
  return problems === 0 ? 0 : 1;
}
