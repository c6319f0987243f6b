import { describe, expect, it } from 'vitest';
import { PersonaStepper } from '../../../src/engine/persona/stepper.ts';
import { archetype } from '../../../src/engine/analysis/archetypes.ts';
import { botRandom, playPolicy } from '../../../src/engine/analysis/policy-play.ts';
import { CHECKS, type ScoringInput } from '../../../src/engine/scoring/checks.ts';
import { scoreNegotiation, scoringInput } from '../../../src/engine/scoring/score.ts';
import { compiledShipped } from '../../helpers.ts';

const c = compiledShipped('renewal');
const stepper = new PersonaStepper(c, { record: false });
// The strong-signal player signs inside the zone against Maya Chen: a real finished negotiation to vary.
const game = playPolicy(stepper, c, stepper.start({ personaId: 'friendly-champion', seed: 1 }), archetype('strong-signal').policy, botRandom(1), { seed: 1 });
const model = game.end.context.model;

/** The value dimension's points for an input, as the score adds them up. */
function valuePoints(i: ScoringInput): number {
  return CHECKS.filter((ch) => ch.dimension === 'value').reduce((a, ch) => a + ch.share * (ch.earned ? ch.earned(i) : ch.passed(i) ? 1 : 0), 0);
}

describe('deal value pays continuously', () => {
  it('the played deal is above the walk-away, so the example means something', () => {
    expect(game.outcome).toBe('deal');
    expect(game.worth).toBeGreaterThan(model.walkAway);
  });

  it('more value always scores more, from the walk-away up to the target, and a deal just above the walk-away beats a correct walk', () => {
    const base = scoringInput(c, model, 'deal');
    const walk: ScoringInput = {
      ...base,
      outcome: 'walked-away',
      value: 0,
      model: { ...model, bestOffer: model.walkAway - 1, beat: c.scenario.flow.finalOffer },
    };
    const walkPoints = valuePoints(walk);
    expect(walkPoints).toBeGreaterThan(0); // walking rightly still earns its own check
    let last = walkPoints;
    for (let v = model.walkAway + 1; v <= c.scenario.target; v += 1) {
      const points = valuePoints({ ...base, value: v });
      expect(points, `signed at ${v}`).toBeGreaterThan(last);
      last = points;
    }
    // Above the target there is nothing more to earn.
    expect(valuePoints({ ...base, value: c.scenario.target + 10 })).toBe(last);
  });

  it('the debrief names how far into the zone the deal sits', () => {
    const row = scoreNegotiation(c, model, 'deal').dimensions.value.checks.find((ch) => ch.id === 'zone-share')!;
    const share = Math.round(((game.worth - model.walkAway) / (c.scenario.target - model.walkAway)) * 100);
    expect(row.label).toBe(`Signed ${share}% of the way from your walk-away to your target`);
    expect(row.earned).toBeGreaterThan(0);
    expect(row.earned).toBeLessThan(row.points);
  });
});

describe('concession discipline reads gives without a get, never trades', () => {
  const concessions = (tally: Partial<typeof model.tally>) =>
    scoreNegotiation(c, { ...model, tally: { ...model.tally, ...tally } }, 'deal').dimensions.concessions.checks;
  const passed = (rows: { id: string; passed: boolean }[], id: string) => rows.find((r) => r.id === id)!.passed;

  it('five traded gives keep every concession check a trader earns', () => {
    const rows = concessions({ gives: 5, trades: 5, freeGives: 0, holds: 0, proposalsAccepted: 0 });
    expect(passed(rows, 'gives-traded')).toBe(true);
    expect(passed(rows, 'few-free-gives')).toBe(true);
    // Trading when pushed is holding the position: no give without a get.
    expect(passed(rows, 'held')).toBe(true);
  });

  it('each give without a get costs more', () => {
    const none = concessions({ gives: 1, trades: 1, freeGives: 0, holds: 1 });
    const one = concessions({ gives: 2, trades: 1, freeGives: 1, holds: 1 });
    const two = concessions({ gives: 3, trades: 1, freeGives: 2, holds: 1 });
    const earned = (rows: { earned: number }[]) => rows.reduce((a, r) => a + r.earned, 0);
    expect(earned(none)).toBeGreaterThan(earned(one));
    expect(earned(one)).toBeGreaterThan(earned(two));
  });

  it('neither standing firm nor trading fails the held check', () => {
    expect(passed(concessions({ holds: 0, trades: 0, proposalsAccepted: 0 }), 'held')).toBe(false);
  });
});
