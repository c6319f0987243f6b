import { z } from 'zod';
import { ScenarioSchema } from '../engine/index.ts';
import type { Io } from './io.ts';

/** The scenario format as JSON Schema, for editors. `scenarios/schema.json` is a committed copy. */
export function scenarioJsonSchema(): object {
  // "input" so fields with defaults are optional for authors, as they are in files.
  return {
    ...z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'Walkaway scenario',
  };
}

export function schemaCommand(io: Io): number {
  io.out(JSON.stringify(scenarioJsonSchema(), null, 2));
  return 0;
}
