import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileScenario, loadScenario, Session, turnClock } from '../../src/engine/index.ts';

const SCENARIOS = ['tutorial', 'renewal', 'enterprise-deal', 'dominant-vendor'];

describe('turnClock', () => {
  it('numbers turns as the transcript does and never promises turns once the final offer is spoken', () => {
    for (const id of SCENARIOS) {
      const c = compileScenario(loadScenario(readFileSync(`scenarios/${id}.yaml`, 'utf8'), `${id}.yaml`));
      for (const p of c.scenario.personas) {
        const s = Session.create(c, p.id, 11, 'practice');
        let snap = s.snapshot();
        const shown: number[] = [];
        while (!snap.over) {
          const words = turnClock(snap);
          shown.push(words.turn);
          if (/final offer/i.test(snap.line) && snap.phase === 'negotiation' && snap.stage === 'closing') {
            expect(words.text, `${id}/${p.id}`).toContain('Their final offer');
            expect(words.patienceLeft).toBe(0);
          }
          snap = s.choose(snap.choices[0]!.id);
        }
        expect(shown).toEqual(s.result()!.transcript.map((t) => t.turn));
      }
    }
  });
});
