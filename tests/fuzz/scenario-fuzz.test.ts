import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadOrRefuse, playEveryPersona } from './properties.ts';
import { anyScenarioFile, damagedText, mutatedScenario, renumberedScenario, SHIPPED } from './scenario-files.ts';

const picks = fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 40 });

/**
 * Property tests of the scenario loader and the engine on generated files (tests/fuzz/scenario-files.ts):
 * the loader refuses only with its own error naming file, line and field; every accepted file plays to a
 * result from every persona; scores stay within 0..100 with no NaN. Bounded (a few hundred cases);
 * `npm run fuzz` runs 10,000.
 */
describe('scenario fuzzing', () => {
  it('the generators produce both refused and accepted files (they would catch either kind of bug)', () => {
    const sample = fc.sample(anyScenarioFile, { numRuns: 100, seed: 42 });
    const accepted = sample.filter((f) => loadOrRefuse(f.name, f.text) !== null).length;
    expect(accepted).toBeGreaterThan(5);
    expect(accepted).toBeLessThan(sample.length);
    for (const { file, text } of SHIPPED) expect(loadOrRefuse(file, text)).not.toBeNull();
  });

  it('the loader never throws anything but a ScenarioError with file, line and field', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedScenario, damagedText), ({ name, text }) => {
        loadOrRefuse(name, text);
      }),
      { numRuns: 250, seed: 1 },
    );
  });

  it('every accepted file plays to a result from every persona, with scores in 0..100', () => {
    fc.assert(
      fc.property(fc.oneof(renumberedScenario, mutatedScenario), picks, fc.integer({ min: 1, max: 1_000_000 }), ({ name, text }, moves, seed) => {
        const scenario = loadOrRefuse(name, text);
        if (scenario) playEveryPersona(scenario, moves, seed);
      }),
      { numRuns: 100, seed: 2 },
    );
  });

  it('random choice sequences through the shipped scenarios always end in range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: SHIPPED.length - 1 }), picks, fc.integer({ min: 1, max: 1_000_000 }), (i, moves, seed) => {
        const { file, text } = SHIPPED[i]!;
        playEveryPersona(loadOrRefuse(file, text)!, moves, seed);
      }),
      { numRuns: 60, seed: 3 },
    );
  });
});
