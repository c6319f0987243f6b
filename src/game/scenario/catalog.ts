import { compileScenario, loadScenario, ScenarioError, formatProblem, type CompiledScenario, type Scenario } from '../../engine/index.ts';
import type { ScenarioSource } from '../storage/save-store.ts';

/** A scenario the player can pick: its content, compiled once, and where it came from (for saves). */
export interface ScenarioEntry {
  id: string;
  scenario: Scenario;
  compiled: CompiledScenario;
  source: ScenarioSource;
}

/** Every built-in scenario file, bundled as text at build time. */
const BUILT_IN_FILES = import.meta.glob('/scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export function entryOf(scenario: Scenario, source: ScenarioSource): ScenarioEntry {
  return { id: scenario.id, scenario, compiled: compileScenario(scenario), source };
}

/** The built-in scenario files as [file name, text], in a stable order. */
export function builtInScenarioFiles(): [string, string][] {
  return Object.entries(BUILT_IN_FILES)
    .map(([path, text]): [string, string] => [path.replace(/^\//, ''), text])
    .sort(([a], [b]) => a.localeCompare(b));
}

/**
 * Loads one built-in scenario file. A broken file is reported to the caller (as problem lines) rather
 * than taking the whole menu down with it.
 */
export function loadBuiltInFile(file: string, text: string): ScenarioEntry | string[] {
  try {
    const scenario = loadScenario(text, file);
    return entryOf(scenario, { kind: 'builtin', id: scenario.id });
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems.map(formatProblem);
    return [`${file}: ${(e as Error).message}`];
  }
}

/** Menu order: the guided (tutorial) scenario first for new reps, then file order. */
export function sortForMenu(entries: readonly ScenarioEntry[]): ScenarioEntry[] {
  return [...entries].sort((a, b) => Number(b.scenario.tutorial) - Number(a.scenario.tutorial));
}

/** Rebuilds the scenario a save points at; throws (ScenarioError or Error) if it is gone or broken. */
export function resolveSource(source: ScenarioSource, builtIns: readonly ScenarioEntry[]): ScenarioEntry {
  if (source.kind === 'custom') return entryOf(loadScenario(source.yaml, source.fileName), source);
  const found = builtIns.find((e) => e.id === source.id);
  if (!found) throw new Error(`the scenario "${source.id}" is no longer available`);
  return found;
}
