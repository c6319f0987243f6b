import { compileScenario, formatProblem, isWarning, locateWarnings, type ScenarioProblem } from '../engine/index.ts';
import { deepWarnings } from '../engine/analysis/deep-warnings.ts';
import { ExplorationLimitError } from '../engine/analysis/explore.ts';
import { checkScenarioFile, displayPath, scenarioFiles, SCENARIO_DIR } from './scenario-files.ts';
import { checkPathFile, isPathFile, PATH_DIR } from './path-files.ts';
import type { Io } from './io.ts';

export interface CheckOptions {
  /** Warnings fail the check too (exit 1). */
  strict?: boolean;
  /** Also explore every path of each valid file and warn about personas that teach nothing about the walk-away. */
  deep?: boolean;
}

/**
 * `walkaway check [paths...] [--strict] [--deep]`: validates scenario files (and learning path files). One line per problem,
 * `file:line:col  field  message` for an error and `file:line:col  warning  field  message` for a
 * warning; exit 1 on any error (and on any warning with --strict).
 */
export async function checkCommand(paths: string[], io: Io, options: CheckOptions = {}): Promise<number> {
  const files = scenarioFiles(paths.length ? paths : [SCENARIO_DIR, PATH_DIR]);
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    if (isPathFile(file)) {
      errors += checkPathFile(file, io);
      continue;
    }
    // Each file is checked on its own: whatever is wrong with one, the next is still checked.
    let found: ScenarioProblem[];
    try {
      const checked = checkScenarioFile(file);
      found = checked.problems;
      if (options.deep && checked.scenario && checked.text !== null) found = [...found, ...(await deepProblems(file, checked.text, checked.scenario, io))];
    } catch (e) {
      found = [{ file: displayPath(file), line: 1, col: 1, path: '', message: `could not be checked (${String((e as Error)?.message ?? e)})` }];
    }
    for (const p of found) io.out(formatProblem(p));
    warnings += found.filter(isWarning).length;
    errors += found.filter((p) => !isWarning(p)).length;
  }
  if (files.length === 0) {
    io.err('no scenario files found');
    return 1;
  }
  const pathFileCount = files.filter(isPathFile).length;
  const what = `${files.length - pathFileCount} scenario file(s)${pathFileCount ? ` and ${pathFileCount} learning path file(s)` : ''}`;
  const warned = warnings ? `${warnings} warning(s)` : '';
  if (errors === 0) io.err(`${what} valid${warned ? `, ${warned}${options.strict ? ' (--strict: warnings fail the check)' : ''}` : ''}`);
  else io.err(`${errors} problem(s)${warned ? ` and ${warned}` : ''} in ${files.length} file(s) checked`);
  return errors > 0 || (options.strict && warnings > 0) ? 1 : 0;
}

/** The deep warnings of a valid file: every persona's paths explored (on every core), then read for what they teach. */
async function deepProblems(file: string, text: string, scenario: Parameters<typeof compileScenario>[0], io: Io): Promise<ScenarioProblem[]> {
  const { explorePersonasInParallel } = await import('./analyze.ts');
  const c = compileScenario(scenario);
  try {
    const started = performance.now();
    let reported = started;
    const analyses = await explorePersonasInParallel(c, file, [...c.personas.keys()], 1, (states) => {
      // A long exploration says it is still going (on stderr, so the problem lines stay clean).
      const now = performance.now();
      if (now - started > 2000 && now - reported > 2000) {
        reported = now;
        io.err(`  ${displayPath(file)}: exploring every path… ${states.toLocaleString('en')} positions so far`);
      }
    });
    return locateWarnings(text, displayPath(file), deepWarnings(c, analyses));
  } catch (e) {
    if (!(e instanceof ExplorationLimitError)) throw e;
    io.err(`${displayPath(file)}: --deep could not explore every path (${e.message})`);
    return [];
  }
}
