import { describe, expect, it } from 'vitest';
import { Session } from '../../../src/engine/index.ts';
import { PersonaStepper } from '../../../src/engine/persona/stepper.ts';
import { nextRandom } from '../../../src/engine/rng.ts';
import { compiledFixture, compiledShipped } from '../../helpers.ts';
import { readdirSync } from 'node:fs';

const shipped = readdirSync(new URL('../../../scenarios/', import.meta.url)).filter((f) => f.endsWith('.yaml')).map((f) => f.replace('.yaml', ''));

describe('the machine-table stepper', () => {
  it.each([...shipped.map((id) => [id]), ['mini']])('plays %s exactly like the XState machine on 300 random games', (id) => {
    const c = id === 'mini' ? compiledFixture('mini') : compiledShipped(id);
    const stepper = new PersonaStepper(c);
    const personas = [...c.personas.keys()];
    let bot = 12345;
    for (let game = 0; game < 300; game++) {
      const personaId = personas[game % personas.length]!;
      const session = Session.create(c, personaId, game);
      let state = stepper.start({ personaId, seed: game });
      while (!session.isOver()) {
        const choices = session.snapshot().choices;
        const r = nextRandom(bot);
        bot = r.state;
        const pick = choices[Math.floor(r.value * choices.length)]!.id;
        session.choose(pick);
        state = stepper.choose(state, pick)!;
        expect(state.value).toBe(session.snapshot().stage);
        expect(state.context).toEqual(session.context);
      }
      expect(state.done).toBe(true);
    }
  });
});
