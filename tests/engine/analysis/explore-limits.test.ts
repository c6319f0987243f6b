import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compileScenario, ScenarioSchema } from '../../../src/engine/index.ts';
import { ExplorationLimitError, explorePersona } from '../../../src/engine/analysis/explore.ts';
import { compiledShipped } from '../../helpers.ts';

const MINI = readFileSync(new URL('../../fixtures/mini.yaml', import.meta.url), 'utf8');

/** Builds a scenario the loader would refuse (it checks structure), as a hand-edited or older file might be. */
const unchecked = (text: string) => compileScenario(ScenarioSchema.parse(parse(text)));

function explorationError(run: () => unknown): ExplorationLimitError {
  try {
    run();
  } catch (e) {
    if (e instanceof ExplorationLimitError) return e;
    throw new Error(`expected an ExplorationLimitError, got ${String(e)}`);
  }
  throw new Error('expected the exploration to stop');
}

describe('exploring a pathological file never overflows', () => {
  it('a preparation loop that changes the position every time stops at the depth limit with a plain message, not a stack overflow', () => {
    // Each pass adds a prep action, so no position repeats: the path only gets longer.
    const c = unchecked(
      MINI.replace(
        '        effect: { batna: 0.3, facts: [other-deal], threads: true }\n',
        '        effect: { batna: 0.3, facts: [other-deal], threads: true }\n        next: prep\n',
      ),
    );
    const e = explorationError(() => explorePersona(c, 'buyer', 1));
    expect(e.message).toMatch(/persona "buyer": a playthrough runs past 10,000 decisions/);
  }, 60_000);

  it('a position met again on the same path is reported as a loop', () => {
    // A prep choice with no effect that leads back to its own beat: the very same position again.
    const c = unchecked(
      MINI.replace('        tags: [prep]\n\n', '        tags: [prep]\n').replace(
        '      - id: skip-prep\n        text: Skip it.\n        tags: [prep]\n',
        '      - id: skip-prep\n        text: Skip it.\n        tags: [prep]\n        next: prep\n',
      ),
    );
    expect(explorationError(() => explorePersona(c, 'buyer', 1)).message).toMatch(/same position at beat "prep" for ever/);
  });

  it('too many positions stop with a plain message', () => {
    const c = compiledShipped('tutorial');
    expect(explorationError(() => explorePersona(c, 'friendly-manager', 1, undefined, [], { states: 50, depth: 10_000 })).message).toMatch(
      /more than 50 distinct positions/,
    );
  });
});
