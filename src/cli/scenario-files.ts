import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { checkScenarioText, loadScenario, ScenarioError, type Scenario, type ScenarioCheck } from '../engine/index.ts';
import { FILE_LIMITS } from '../engine/scenario/load.ts';

/** The scenarios shipped with Walkaway, found relative to the package (works from any directory). */
export const SCENARIO_DIR = resolve(import.meta.dirname, '../../scenarios');

/** Expands files and folders into the scenario files they hold (*.yaml, *.yml). */
export function scenarioFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (existsSync(p) && statSync(p).isDirectory()) {
      for (const f of readdirSync(p).sort()) if (/\.ya?ml$/.test(f)) out.push(join(p, f));
    } else out.push(p);
  }
  return out;
}

export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

export function readScenario(file: string): Scenario {
  return loadScenario(readScenarioText(file), displayPath(file));
}

/** Checks a scenario file as `walkaway check` does: its errors, or its warnings; and its text, for locating more. */
export function checkScenarioFile(file: string): ScenarioCheck & { text: string | null } {
  let text: string;
  try {
    text = readScenarioText(file);
  } catch (e) {
    if (e instanceof ScenarioError) return { scenario: null, problems: e.problems, text: null };
    throw e;
  }
  return { ...checkScenarioText(text, displayPath(file)), text };
}

/** The text of a scenario file, or a ScenarioError saying plainly why it cannot be read. */
function readScenarioText(file: string): string {
  let text: string;
  const refuse = (message: string) => new ScenarioError([{ file: displayPath(file), line: 1, col: 1, path: '', message }]);
  try {
    // A file far past the loader's limit is refused before it is read into memory (UTF-8: up to 4 bytes a character).
    const { size } = statSync(file);
    if (size > FILE_LIMITS.chars * 4)
      throw refuse(`the file is too large (${size.toLocaleString('en')} bytes; at most ${FILE_LIMITS.chars.toLocaleString('en')} characters)`);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw refuse(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder with no scenario files' : String((e as Error).message));
  }
  return text;
}

/** Loads every valid shipped scenario (skipping broken ones, which `check` reports). */
export function shippedScenarios(): { file: string; scenario: Scenario }[] {
  const out: { file: string; scenario: Scenario }[] = [];
  for (const file of scenarioFiles([SCENARIO_DIR])) {
    try {
      out.push({ file, scenario: readScenario(file) });
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
    }
  }
  return out;
}

/** Finds a scenario by id among the shipped ones, or loads it from a file path. */
export function resolveScenario(ref: string): { file: string; scenario: Scenario } {
  if (/\.ya?ml$/.test(ref) || existsSync(ref)) return { file: ref, scenario: readScenario(ref) };
  const found = shippedScenarios().find((s) => s.scenario.id === ref);
  if (!found) {
    const ids = shippedScenarios().map((s) => s.scenario.id);
    throw new UsageError(`no scenario "${ref}"; shipped scenarios: ${ids.join(', ')} (or give a .yaml file)`);
  }
  return found;
}

/** A mistake in how a command was called: printed as one line, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
