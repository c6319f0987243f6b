import { compileScenario, loadScenario, type CompiledScenario, type Scenario } from '../../engine/index.ts';
import type { ScenarioSource } from '../storage/save-store.ts';
import type { PrevalidatedScenario } from './prevalidated.ts';
import type { ScenarioCard } from './scenario-card.ts';

/**
 * A scenario the player can play: its content, compiled once, and where it came from (for saves).
 * This module belongs to the engine's on-demand chunk (services/engine-runtime.ts): only types of it
 * are imported elsewhere.
 */
export interface ScenarioEntry extends ScenarioCard {
  scenario: Scenario;
  compiled: CompiledScenario;
  source: ScenarioSource;
}

/** Every built-in scenario, parsed and validated when the game was built (no YAML work at start-up). */
const BUILT_INS = import.meta.glob('/scenarios/*.yaml', { query: '?scenario', import: 'default', eager: true }) as Record<string, PrevalidatedScenario>;

export function entryOf(scenario: Scenario, source: ScenarioSource): ScenarioEntry {
  return { id: scenario.id, scenario, compiled: compileScenario(scenario), source };
}

/** The built-in scenarios as [file name, prevalidated content], in a stable order. */
export function builtInScenarioFiles(): [string, PrevalidatedScenario][] {
  return (
    Object.entries(BUILT_INS)
      .map(([path, pre]): [string, PrevalidatedScenario] => [path.replace(/^\//, ''), pre])
      // By code unit, as builtin-cards.ts orders the menu's cards (the two lists must match).
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  );
}

/**
 * Makes one built-in scenario playable. A broken file arrives as its problem lines, which the caller
 * reports rather than taking the whole menu down with it.
 */
export function loadBuiltInFile(pre: PrevalidatedScenario): ScenarioEntry | string[] {
  if (!pre.ok) return pre.problems;
  return entryOf(pre.scenario, { kind: 'builtin', id: pre.scenario.id });
}

/** Rebuilds the scenario a save points at; throws (ScenarioError or Error) if it is gone or broken. */
export function resolveSource(source: ScenarioSource, builtIns: readonly ScenarioEntry[]): ScenarioEntry {
  if (source.kind === 'custom') return entryOf(loadScenario(source.yaml, source.fileName), source);
  const found = builtIns.find((e) => e.id === source.id);
  if (!found) throw new Error(`the scenario "${source.id}" is no longer available`);
  return found;
}
