import { formatProblem, ScenarioError } from '../engine/index.ts';
import { displayPath, readScenario, scenarioFiles, SCENARIO_DIR } from './scenario-files.ts';
import { checkPathFile, isPathFile, PATH_DIR } from './path-files.ts';
import type { Io } from './io.ts';

/** `walkaway check [paths...]`: validates scenario files; one line per problem, exit 1 if any. */
export function checkCommand(paths: string[], io: Io): number {
  const files = scenarioFiles(paths.length ? paths : [SCENARIO_DIR, PATH_DIR]);
  let problems = 0;
  for (const file of files) {
    if (isPathFile(file)) {
      problems += checkPathFile(file, io);
      continue;
    }
    try {
      readScenario(file);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      for (const p of e.problems) io.out(formatProblem(p));
      problems += e.problems.length;
    }
  }
  if (files.length === 0) {
    io.err('no scenario files found');
    return 1;
  }
  io.err(problems === 0 ? `${files.length} scenario file(s) valid` : `${problems} problem(s) in ${files.map(displayPath).length} file(s) checked`);
  return problems === 0 ? 0 : 1;
}
