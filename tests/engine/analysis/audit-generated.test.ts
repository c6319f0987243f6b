import { describe, expect, it } from 'vitest';
import { auditScenario } from '../../../src/engine/analysis/audit.ts';
import { generatedScenario } from '../persona/generated-scenarios.ts';

/**
 * The teaching audit holds beyond the shipped scenarios: on scenarios the tests make up (random issues,
 * values and persona dials, nothing written for a lesson), every invariant passes or says why it cannot
 * apply, in every persona.
 */
describe('the audit on generated scenarios', () => {
  it('40 generated scenarios (120 personas): no invariant fails', () => {
    const failures: string[] = [];
    const applied = new Map<string, number>();
    for (let seed = 1; seed <= 40; seed++) {
      const audit = auditScenario(generatedScenario(seed), { seeds: 4 });
      for (const p of audit.personas)
        for (const inv of p.invariants) {
          if (inv.status === 'fail') failures.push(`generated-${seed} / ${p.personaId} ${inv.id}: ${inv.detail}`);
          if (inv.status === 'pass') applied.set(inv.id, (applied.get(inv.id) ?? 0) + 1);
        }
    }
    expect(failures).toEqual([]);
    // The lessons are judged, not waved through: each applies in most personas.
    expect(applied.get('trading-pays') ?? 0).toBeGreaterThanOrEqual(60);
    expect(applied.get('asking-pays') ?? 0).toBeGreaterThanOrEqual(60);
    expect(applied.get('strong-beats-weak') ?? 0).toBeGreaterThanOrEqual(100);
  });
});

describe('where a lesson cannot show in the deal, the audit says why, and it is so', () => {
  it('a trade whose give costs more than holding leaves on the table is n/a, and the trader does end lower', () => {
    const p = auditScenario(generatedScenario(14), { seeds: 4 }).personas.find((x) => x.personaId === 'persona-0')!;
    const inv = p.invariants.find((i) => i.id === 'trading-pays')!;
    expect(inv.status).toBe('n/a');
    expect(inv.detail).toMatch(/give costs more than holding leaves on the table/);
    const value = (id: string) => p.archetypes.find((a) => a.archetype === id)!.meanValue;
    expect(value('trader')).toBeLessThan(value('never-trader'));
  });

  it('a lower floor that no package of the concession plan can show passes only with the floors printed', () => {
    const p = auditScenario(generatedScenario(2), { seeds: 4 }).personas.find((x) => x.personaId === 'persona-1')!;
    const inv = p.invariants.find((i) => i.id === 'asking-pays')!;
    expect(inv.status).toBe('pass');
    const [, asker, never] = inv.detail.match(/their floor ([\d.]+) vs ([\d.]+)/)!.map(Number);
    expect(never! - asker!).toBeGreaterThanOrEqual(0.02);
  });
});
