import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkAdvice, checkAdviceText, compileScenario, loadScenario, Session } from '../../../src/engine/index.ts';

const load = (id: string) => compileScenario(loadScenario(readFileSync(`scenarios/${id}.yaml`, 'utf8'), `${id}.yaml`));

/** Plays a game that threatens and concedes whenever it can, accepting at the end. */
function playBadly(id: string, personaId: string): Session {
  const s = Session.create(load(id), personaId, 5, 'practice');
  let snap = s.snapshot();
  while (!snap.over) {
    const pick =
      snap.choices.find((c) => c.tags.includes('threat')) ??
      snap.choices.find((c) => c.tags.includes('concede')) ??
      snap.choices.find((c) => c.tags.includes('accept')) ??
      snap.choices[snap.choices.length - 1]!;
    snap = s.choose(pick.id);
  }
  return s;
}

describe('checkAdvice', () => {
  it('names the turns a failed check was lost at and a move that was on offer there', () => {
    const c = load('renewal');
    for (const p of c.scenario.personas) {
      const s = playBadly('renewal', p.id);
      const r = s.result()!;
      const advice = checkAdvice(c, s.attempt(), r);
      const failed = Object.values(r.score.dimensions).flatMap((d) => d.checks.filter((k) => !k.passed));
      expect(failed.length).toBeGreaterThan(0);
      expect(Object.keys(advice).sort()).toEqual(failed.map((k) => k.id).sort());
      const turns = new Set(r.transcript.map((t) => t.turn));
      for (const a of Object.values(advice)) {
        for (const t of a!.turns) expect(turns.has(t)).toBe(true);
        if (a!.better) expect(a!.turns).toContain(a!.better.turn);
      }
      // A threat is named at the turn it was made, with a calmer move offered at that turn.
      const threat = r.transcript.find((t) => t.choice.tags.includes('threat'));
      if (threat && advice['no-threat']) {
        expect(advice['no-threat'].turns).toContain(threat.turn);
        expect(checkAdviceText(advice['no-threat'])).toMatch(/^Turns? \d/);
      }
    }
  });
});
