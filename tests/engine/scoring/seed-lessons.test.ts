import { describe, expect, it } from 'vitest';
import { checkAdvice, checkAdviceText } from '../../../src/engine/index.ts';
import { compiledShipped, playPreferring } from '../../helpers.ts';

/**
 * Lessons of the source documents that each have a yes/no check a rep can read in the debrief, at the
 * moment the scenario teaches them.
 */
const check = (s: ReturnType<typeof playPreferring>, id: string) =>
  Object.values(s.result()!.score.dimensions)
    .flatMap((d) => d.checks)
    .find((k) => k.id === id)!;

describe('the renewal lesson: a customer who escalates must not learn that escalation pays', () => {
  const renewal = compiledShipped('renewal');
  // Richard Osei escalates over the rep's head at his first turn.
  const prep = ['design-walk-tos', 'write-guardrails', 'align-finance'];
  const rest = ['probe-competitor', 'hold-boundaries', 'calm-alternative', 'test-stand', 'trade-term-for-price', 'accept-final', 'walk-final'];

  it('giving a discount for nothing when they escalate fails the check, and the advice names that turn and sends the rep back to preparation', () => {
    // Keeping the position in one head (no Finance alignment) is what leaves "Finance caves" on the table.
    const s = playPreferring(renewal, 'returning-vp', 1, [
      'design-walk-tos',
      'write-guardrails',
      'keep-it-close',
      'ask-what-changed',
      'finance-caves',
      ...rest,
    ]);
    expect(s.moves).toContain('finance-caves');
    const row = check(s, 'escalation-held');
    expect(row.passed).toBe(false);
    const turn = s.context.log.transcript.find((e) => e.choice.id === 'finance-caves')!.turn;
    const advice = checkAdvice(renewal, s.attempt(), s.result()!)['escalation-held']!;
    expect(advice.turns).toEqual([turn]);
    // With the position kept in one head, nothing firm was on offer at that turn: the fix is in preparation.
    expect(advice.better).toBeNull();
    expect(checkAdviceText(advice)).toMatch(/prepare differently/);
  });

  it('a trade or a calm stand under escalation passes it', () => {
    for (const move of ['aligned-trade', 'welcome-escalation']) {
      const s = playPreferring(renewal, 'returning-vp', 1, [...prep, 'ask-what-changed', move, ...rest]);
      expect(s.moves).toContain(move);
      expect(check(s, 'escalation-held').passed, move).toBe(true);
    }
  });
});

describe("the dominant vendor's lesson: test their inflated figure", () => {
  const dominant = compiledShipped('dominant-vendor');
  const prep = ['cost-alternative', 'cost-switching', 'align-leadership', 'ask-their-side', 'usage-data'];
  const end = ['quiet-conviction', 'show-numbers', 'trade-lock-for-flat', 'accept-final', 'walk-final'];

  it("believing the account manager's switching-cost bluff fails the check; testing it passes", () => {
    const believed = playPreferring(dominant, 'account-manager', 1, [...prep, 'our-figure', ...end]);
    expect(believed.result()!.figures.theirClaims.some((cl) => cl.bluff && !cl.tested)).toBe(true);
    expect(check(believed, 'tested-claims').passed).toBe(false);
    const advice = checkAdvice(dominant, believed.attempt(), believed.result()!)['tested-claims']!;
    expect(advice.better?.text).toMatch(/four million/);

    const tested = playPreferring(dominant, 'account-manager', 1, [...prep, 'ask-basis', ...end]);
    expect(tested.result()!.figures.theirClaims.some((cl) => cl.bluff && cl.tested)).toBe(true);
    expect(check(tested, 'tested-claims').passed).toBe(true);
    // And it pays in the deal, not only in the checkbox.
    expect(tested.result()!.value).toBeGreaterThan(believed.result()!.value);
  });
});
