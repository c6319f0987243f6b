import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatProblem, ScenarioError } from '../engine/index.ts';
import { checkPathReferences, loadPath, looksLikePath, type LearningPath } from '../engine/training/index.ts';
import { displayPath, SCENARIO_DIR, shippedScenarios, UsageError } from './scenario-files.ts';
import type { Io } from './io.ts';

/** The learning paths shipped with Walkaway. */
export const PATH_DIR = resolve(SCENARIO_DIR, 'paths');
export const DEFAULT_PATH_FILE = join(PATH_DIR, 'onboarding.yaml');

/** Whether a file is a learning path (a `kind: learning-path` YAML file) rather than a scenario. */
export function isPathFile(file: string): boolean {
  try {
    return /\.ya?ml$/.test(file) && looksLikePath(readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
}

/** The shipped path files, for `walkaway check` with no arguments. */
export function shippedPathFiles(): string[] {
  if (!existsSync(PATH_DIR) || !statSync(PATH_DIR).isDirectory()) return [];
  return readdirSync(PATH_DIR)
    .sort()
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(PATH_DIR, f));
}

/**
 * Reads and validates a path file, then checks that every step names a shipped scenario and persona.
 * Throws ScenarioError (file:line:col problems) or UsageError (unreadable file).
 */
export function readPath(file: string): LearningPath {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((e as Error).message);
    throw new ScenarioError([{ file: displayPath(file), line: 1, col: 1, path: '', message: reason }]);
  }
  const path = loadPath(text, displayPath(file));
  const refs = shippedScenarios().map(({ scenario }) => ({ id: scenario.id, personas: scenario.personas.map((p) => p.id) }));
  const problems = checkPathReferences(text, displayPath(file), path, refs);
  if (problems.length) throw new ScenarioError(problems);
  return path;
}

/** `walkaway check` on one path file: prints one line per problem and returns how many there were. */
export function checkPathFile(file: string, io: Io): number {
  try {
    readPath(file);
    return 0;
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    for (const p of e.problems) io.out(formatProblem(p));
    return e.problems.length;
  }
}

/** Finds a path by file, or by id among the shipped ones. */
export function resolvePath(ref: string | undefined): string {
  if (ref === undefined) return DEFAULT_PATH_FILE;
  if (/\.ya?ml$/.test(ref) || existsSync(ref)) return ref;
  for (const file of shippedPathFiles()) {
    try {
      if (loadPath(readFileSync(file, 'utf8'), file).id === ref) return file;
    } catch {
      // A broken shipped path is reported by `check`; it simply cannot be picked by id.
    }
  }
  throw new UsageError(`no learning path "${ref}" (give a path file, or one of the shipped paths' ids)`);
}
