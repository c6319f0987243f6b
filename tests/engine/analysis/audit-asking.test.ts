import { describe, expect, it } from 'vitest';
import { auditScenario, VALUE_MARGIN } from '../../../src/engine/analysis/audit.ts';
import { compiledShipped } from '../../helpers.ts';

/**
 * When neither the asker nor the never-asker ever signs, both outcomes are worth the walk-away, so the
 * audit judges asking on what each was offered; as soon as either signs, on the deal value.
 */
describe('asking-pays compares what asking changed', () => {
  const c = compiledShipped('renewal');
  const audit = auditScenario(c, { seeds: 3 });
  const zone = c.scenario.target - c.scenario.walkAway;

  it('every persona is judged on best offers exactly when neither strategy signed', () => {
    let noDeals = 0;
    for (const p of audit.personas) {
      const d = p.archetypes.find((a) => a.archetype === 'disciplined')!;
      const n = p.archetypes.find((a) => a.archetype === 'never-asker')!;
      const inv = p.invariants.find((i) => i.id === 'asking-pays')!;
      const neither = d.dealRate === 0 && n.dealRate === 0;
      if (neither) noDeals++;
      const [dv, nv] = neither ? [d.meanBestOffer, n.meanBestOffer] : [d.meanValue, n.meanValue];
      expect(inv.detail.startsWith(neither ? 'best offer (neither signed)' : 'deal value'), `${p.personaId}: ${inv.detail}`).toBe(true);
      expect(inv.status, `${p.personaId}: ${inv.detail}`).toBe(dv >= nv + VALUE_MARGIN * zone ? 'pass' : 'fail');
    }
    // The renewal has personas against whom neither signs, so the best-offer branch is exercised.
    expect(noDeals).toBeGreaterThan(0);
  });
});
