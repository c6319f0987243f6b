import { describe, expect, it } from 'vitest';
import { keyMoments, keyMomentText } from '../../../src/engine/analysis/key-moments.ts';
import { main } from '../../../src/cli/main.ts';
import { compiledShipped, playPreferring } from '../../helpers.ts';

const dominant = compiledShipped('dominant-vendor');
const PREP = ['cost-alternative', 'cost-switching', 'align-leadership'];
const WEAK = [...PREP, 'we-know', 'usage-data', 'ask-basis', 'fear-confirmed', 'back-down', 'trade-lock-for-flat', 'walk-final'];
const DESPERATE = ['assume-locked', 'skip-switching', 'announce-walk', 'we-know', 'take-the-suite', 'swallow-estimate', 'accept-six', 'accept-final'];

function played(prefs: string[]) {
  const s = playPreferring(dominant, 'account-manager', 1, prefs);
  return { s, moves: s.moves as string[], r: s.result()! };
}

describe('key moments: what a better move would have changed', () => {
  it('names the weak signal of issue 7 and what a better move instead would have been worth, in money', () => {
    const { moves } = played(WEAK);
    const km = keyMoments(dominant, 'account-manager', 1, moves);
    const weakTurn = moves.indexOf('we-know') + 1;
    const m = km.find((k) => k.turn === weakTurn)!;
    expect(m, `no moment at turn ${weakTurn}: ${JSON.stringify(km)}`).toBeDefined();
    expect(m.chosen.id).toBe('we-know');
    // The better move is a show of real strength or a question that uncovers their position: both pay.
    expect(dominant.choices.get(m.better.id)!.tags.some((t) => t === 'batna:strong' || t === 'ask:batna')).toBe(true);
    expect(m.valueDelta).toBeGreaterThan(0);
    expect(m.scoreDelta).toBeGreaterThan(0);
    expect(m.betterOutcome).toBe('deal');
    expect(keyMomentText(m, dominant.scenario.unit)).toMatch(/^At turn \d+, ".+" instead of "Look, we all know.*\$\d+K saved over three years more/);
  });

  it('at a deal signed below the walk-away, walking instead is a key moment worth the gap', () => {
    const { moves, r } = played(DESPERATE);
    expect(r.value).toBeLessThan(r.walkAwayValue);
    const last = keyMoments(dominant, 'account-manager', 1, moves).find((k) => k.turn === moves.length)!;
    expect(last.chosen.id).toBe('accept-final');
    expect(last.better.id).toBe('walk-final');
    expect(last.betterOutcome).toBe('walked-away');
    expect(last.valueDelta).toBe(r.walkAwayValue - r.value);
    expect(last.scoreDelta).toBeGreaterThan(0);
  });

  it('gives at most three moments, in turn order, each better choice really open at its turn', () => {
    for (const prefs of [WEAK, DESPERATE]) {
      const { moves } = played(prefs);
      const km = keyMoments(dominant, 'account-manager', 1, moves);
      expect(km.length).toBeGreaterThan(0);
      expect(km.length).toBeLessThanOrEqual(3);
      expect(km.map((k) => k.turn)).toEqual([...km.map((k) => k.turn)].sort((a, b) => a - b));
      for (const k of km) {
        const at = playPreferring(dominant, 'account-manager', 1, moves.slice(0, k.turn - 1).concat(moves[k.turn - 1]!), moves[k.turn - 1]);
        expect(at.snapshot().choices.map((c) => c.id)).toContain(k.better.id);
        expect(k.chosen.id).toBe(moves[k.turn - 1]);
        expect(k.valueDelta > 0 || k.scoreDelta > 0).toBe(true);
      }
      // Deterministic: the same record gives the same moments.
      expect(keyMoments(dominant, 'account-manager', 1, moves)).toEqual(km);
    }
  });

  it('the JSONL result carries keyMoments as {turn, chosen, better, valueDelta, scoreDelta}', async () => {
    const out: string[] = [];
    const code = await main(['play', 'dominant-vendor', '--persona', 'account-manager', '--jsonl', '--choices', played(DESPERATE).moves.join(',')], {
      out: (l) => out.push(l),
      err: () => {},
    });
    expect(code).toBe(0);
    const result = JSON.parse(out[out.length - 1]!);
    expect(result.type).toBe('result');
    expect(result.keyMoments.length).toBeGreaterThan(0);
    for (const k of result.keyMoments) expect(Object.keys(k)).toEqual(expect.arrayContaining(['turn', 'chosen', 'better', 'valueDelta', 'scoreDelta']));
  });

  it('the terminal debrief lists the key moments', async () => {
    const out: string[] = [];
    await main(['play', 'dominant-vendor', '--persona', 'account-manager', '--choices', played(WEAK).moves.join(',')], {
      out: (l) => out.push(l),
      err: () => {},
    });
    const text = out.join('\n');
    expect(text).toMatch(/Key moments/);
    expect(text).toMatch(/At turn 4, ".*" instead of "Look, we all know/);
  });
});
