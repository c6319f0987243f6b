import { describe, expect, it } from 'vitest';
import { auditScenario } from '../../../src/engine/analysis/audit.ts';
import { PersonaStepper } from '../../../src/engine/persona/stepper.ts';
import { archetype } from '../../../src/engine/analysis/archetypes.ts';
import { botRandom, playPolicy } from '../../../src/engine/analysis/policy-play.ts';
import { compiledShipped } from '../../helpers.ts';

/**
 * Walking rightly must lose to a deal above the walk-away, but a deal that signs a never-trade item is not
 * one walking should lose to: against Jordan Pike the bluffer's deals all keep "no exit assistance", so
 * the audit leaves them out rather than ranking its correct walks below them.
 */
describe('walk-below-deal leaves out deals that sign a never-trade item', () => {
  const c = compiledShipped('dominant-vendor');
  const stepper = new PersonaStepper(c, { record: false });
  const games = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) =>
    playPolicy(stepper, c, stepper.start({ personaId: 'account-manager', seed }), archetype('bluffer').policy, botRandom(seed), { seed }),
  );
  const neverTrade = (g: (typeof games)[number]) =>
    c.scenario.issues.some((i) => i.options.find((o) => o.id === g.end.context.model.terms[i.id])?.flags?.includes('never-trade'));

  it('the example holds: the bluffer both walks rightly and signs deals, and every deal signs a never-trade item', () => {
    const deals = games.filter((g) => g.outcome === 'deal');
    const walks = games.filter((g) => g.outcome === 'walked-away' && g.bestOffer < g.end.context.model.walkAway);
    expect(deals.length).toBeGreaterThan(0);
    expect(walks.length).toBeGreaterThan(0);
    expect(deals.every(neverTrade)).toBe(true);
  });

  it('so the audit does not count them against the walk', () => {
    const persona = auditScenario(c, { seeds: 8 }).personas.find((p) => p.personaId === 'account-manager')!;
    const inv = persona.invariants.find((i) => i.id === 'walk-below-deal')!;
    expect(inv.detail).not.toContain('bluffer');
    expect(inv.status).not.toBe('fail');
  });
});
