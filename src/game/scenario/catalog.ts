import type { CompiledScenario, Scenario } from '../../engine/index.ts';
import { engine } from '../engine-loader.ts';
import type { ScenarioSource } from '../storage/save-store.ts';
import type { PrevalidatedScenario } from './prevalidated.ts';

/**
 * A scenario the player can pick: its content, where it came from (for saves), and its compiled form,
 * made by the engine the first time a game needs it (the menu shows entries before the engine is loaded).
 */
export interface ScenarioEntry {
  id: string;
  scenario: Scenario;
  readonly compiled: CompiledScenario;
  source: ScenarioSource;
}

const compiledScenarios = new WeakMap<Scenario, CompiledScenario>();

function compiledFor(scenario: Scenario): CompiledScenario {
  let compiled = compiledScenarios.get(scenario);
  if (!compiled) {
    compiled = engine().compileScenario(scenario);
    compiledScenarios.set(scenario, compiled);
  }
  return compiled;
}

/** Every built-in scenario, parsed and validated when the game was built (no YAML work at start-up). */
const BUILT_INS = import.meta.glob('/scenarios/*.yaml', { query: '?scenario', import: 'default', eager: true }) as Record<string, PrevalidatedScenario>;

export function entryOf(scenario: Scenario, source: ScenarioSource): ScenarioEntry {
  return {
    id: scenario.id,
    scenario,
    source,
    get compiled() {
      return compiledFor(scenario);
    },
  };
}

/** The built-in scenarios as [file name, prevalidated content], in a stable order. */
export function builtInScenarioFiles(): [string, PrevalidatedScenario][] {
  return Object.entries(BUILT_INS)
    .map(([path, pre]): [string, PrevalidatedScenario] => [path.replace(/^\//, ''), pre])
    .sort(([a], [b]) => a.localeCompare(b));
}

/**
 * Makes one built-in scenario playable. A broken file arrives as its problem lines, which the caller
 * reports rather than taking the whole menu down with it.
 */
export function loadBuiltInFile(pre: PrevalidatedScenario): ScenarioEntry | string[] {
  if (!pre.ok) return pre.problems;
  return entryOf(pre.scenario, { kind: 'builtin', id: pre.scenario.id });
}

/** Menu order: the guided (tutorial) scenario first for new reps, then file order. */
export function sortForMenu(entries: readonly ScenarioEntry[]): ScenarioEntry[] {
  return [...entries].sort((a, b) => Number(b.scenario.tutorial) - Number(a.scenario.tutorial));
}

/** Rebuilds the scenario a save points at; throws (ScenarioError or Error) if it is gone or broken. */
export function resolveSource(source: ScenarioSource, builtIns: readonly ScenarioEntry[]): ScenarioEntry {
  if (source.kind === 'custom') return entryOf(engine().loadScenario(source.yaml, source.fileName), source);
  const found = builtIns.find((e) => e.id === source.id);
  if (!found) throw new Error(`the scenario "${source.id}" is no longer available`);
  return found;
}
