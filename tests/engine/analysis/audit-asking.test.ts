import { describe, expect, it } from 'vitest';
import { auditScenario, ceilingOf, VALUE_MARGIN } from '../../../src/engine/analysis/audit.ts';
import { compiledShipped } from '../../helpers.ts';

/**
 * When no outcome of the asker or the never-asker clears the walk-away the rep held, both are worth what
 * walking is worth, so the audit judges asking on what each was offered; as soon as either clears it, on
 * the deal value. Where the never-asker already gets the most the counterpart can ever agree to, there is
 * nothing left for a question to win, and the check says so.
 */
describe('asking-pays compares what asking changed', () => {
  const c = compiledShipped('renewal');
  const audit = auditScenario(c, { seeds: 3 });
  const zone = c.scenario.target - c.scenario.walkAway;
  const margin = VALUE_MARGIN * zone;

  it('every persona is judged on best offers exactly when no outcome clears the walk-away', () => {
    let onOffers = 0;
    for (const p of audit.personas) {
      const d = p.archetypes.find((a) => a.archetype === 'disciplined')!;
      const n = p.archetypes.find((a) => a.archetype === 'never-asker')!;
      const inv = p.invariants.find((i) => i.id === 'asking-pays')!;
      const clears = d.meanValue >= d.meanWalkAway + margin || n.meanValue >= n.meanWalkAway + margin;
      if (!clears) onOffers++;
      const [dv, nv] = clears ? [d.meanValue, n.meanValue] : [d.meanBestOffer, n.meanBestOffer];
      if (inv.status === 'n/a') {
        // Either the most this counterpart can ever agree to, or the most once the trades both made settled.
        if (!inv.detail.includes('once the trades')) expect(nv, `${p.personaId}: ${inv.detail}`).toBeGreaterThanOrEqual(ceilingOf(c, p.personaId) - margin);
        continue;
      }
      expect(inv.detail.startsWith(clears ? 'deal value' : 'best offer'), `${p.personaId}: ${inv.detail}`).toBe(true);
      const betweenPackages = inv.detail.includes('no package of their concession plan lies between');
      expect(inv.status, `${p.personaId}: ${inv.detail}`).toBe(dv >= nv + margin || (betweenPackages && dv >= nv) ? 'pass' : 'fail');
    }
    // The renewal has a persona against whom no outcome clears the walk-away, so the best-offer branch is exercised.
    expect(onOffers).toBeGreaterThan(0);
  });
});
