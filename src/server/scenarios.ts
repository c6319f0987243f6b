import { compileScenario, type CompiledScenario } from '../engine/index.ts';
import { shippedScenarios } from '../cli/scenario-files.ts';

/** The scenarios a room can be played on: the shipped ones, compiled once when the server starts. */
export interface ScenarioCatalog {
  get(id: string): CompiledScenario | undefined;
  list(): CompiledScenario[];
}

export function shippedCatalog(): ScenarioCatalog {
  const byId = new Map(shippedScenarios().map(({ scenario }) => [scenario.id, compileScenario(scenario)]));
  return {
    get: (id) => byId.get(id),
    list: () => [...byId.values()],
  };
}
