import { describe, expect, it } from 'vitest';
import { Session, type CompiledScenario } from '../../../src/engine/index.ts';
import { PersonaStepper } from '../../../src/engine/persona/stepper.ts';
import { nextRandom } from '../../../src/engine/rng.ts';
import { compiledFixture, compiledShipped } from '../../helpers.ts';
import { readdirSync } from 'node:fs';

const shipped = readdirSync(new URL('../../../scenarios/', import.meta.url))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace('.yaml', ''));

/** A random whole package: one option per issue. */
function randomPackage(c: CompiledScenario, draw: () => number): Record<string, string> {
  const terms: Record<string, string> = {};
  for (const issue of c.scenario.issues) terms[issue.id] = issue.options[Math.floor(draw() * issue.options.length)]!.id;
  return terms;
}

describe('the machine-table stepper', () => {
  it.each([...shipped.map((id) => [id]), ['mini']])('plays %s exactly like the XState machine on 300 random games, proposals included', (id) => {
    const c = id === 'mini' ? compiledFixture('mini') : compiledShipped(id);
    const stepper = new PersonaStepper(c);
    const personas = [...c.personas.keys()];
    let bot = 12345;
    const draw = () => {
      const r = nextRandom(bot);
      bot = r.state;
      return r.value;
    };
    let proposals = 0;
    for (let game = 0; game < 300; game++) {
      const personaId = personas[game % personas.length]!;
      const session = Session.create(c, personaId, game);
      let state = stepper.start({ personaId, seed: game });
      while (!session.isOver()) {
        const snap = session.snapshot();
        // One move in four, where the rep may, a package of their own.
        if (snap.canPropose && draw() < 0.25) {
          const terms = randomPackage(c, draw);
          session.propose(terms);
          state = stepper.propose(state, terms)!;
          proposals++;
        } else {
          const pick = snap.choices[Math.floor(draw() * snap.choices.length)]!.id;
          session.choose(pick);
          state = stepper.choose(state, pick)!;
        }
        expect(state.value).toBe(session.snapshot().stage);
        expect(state.context).toEqual(session.context);
      }
      expect(state.done).toBe(true);
    }
    expect(proposals).toBeGreaterThan(100);
  });
});
