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

/**
 * Loads the built-in scenarios. A broken built-in file is reported (in the console and to the caller)
 * rather than taking the whole menu down with it.
 */
export function loadBuiltInScenarios(): { entries: ScenarioEntry[]; problems: string[] } {
  const entries: ScenarioEntry[] = [];
  const problems: string[] = [];
  for (const [path, text] of Object.entries(BUILT_IN_FILES).sort(([a], [b]) => a.localeCompare(b))) {
    const file = path.replace(/^\//, '');
    try {
      const scenario = loadScenario(text, file);
      entries.push(entryOf(scenario, { kind: 'builtin', id: scenario.id }));
    } catch (e) {
      if (e instanceof ScenarioError) problems.push(...e.problems.map(formatProblem));
      else problems.push(`${file}: ${(e as Error).message}`);
    }
  }
  // The guided (tutorial) scenario comes first for new reps.
  entries.sort((a, b) => Number(b.scenario.tutorial) - Number(a.scenario.tutorial));
  return { entries, problems };
}

/** Rebuilds the scenario a save points at; throws (ScenarioError or Error) if it is gone or broken. */
export function resolveSource(source: ScenarioSource, builtIns: readonly ScenarioEntry[]): ScenarioEntry {
  if (source.kind === 'custom') return entryOf(loadScenario(source.yaml, source.fileName), source);
  const found = builtIns.find((e) => e.id === source.id);
  if (!found) throw new Error(`the scenario "${source.id}" is no longer available`);
  return found;
}
