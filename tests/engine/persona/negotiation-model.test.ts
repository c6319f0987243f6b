import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileScenario, loadScenario } from '../../../src/engine/index.ts';
import { compiledFixture, compiledShipped, playChoices, playPreferring, ENTERPRISE_CLEAN } from '../../helpers.ts';

const mini = compiledFixture('mini');
const miniWithPush = compileScenario(
  loadScenario(
    readFileSync(new URL('../../fixtures/mini.yaml', import.meta.url), 'utf8').replace(
      '        tags: [walk-away]\n',
      '        tags: [walk-away]\n      - id: push\n        text: That is not enough. Do better.\n        tags: [hold]\n',
    ),
    'mini-with-push.yaml',
  ),
);
const enterprise = compiledShipped('enterprise-deal');

describe('the counterpart concedes according to the BATNA the player signals', () => {
  it('credible strong signals get bigger concessions than weak ones (same seed, same prep)', () => {
    const prep = ['build-pipeline', 'set-walk-away', 'research-buyer'];
    const strong = [
      'restate-value',
      'ask-alternatives',
      'mention-pipeline',
      'test-stand',
      'pause-to-think',
      'calm-on-deadline',
      'let-them-choose',
      'keep-what-you-have',
    ];
    const weak = [
      'close-by-friday',
      'ideal-customer',
      'mention-pipeline',
      'test-stand',
      'over-available',
      'rush-for-friday',
      'let-them-choose',
      'keep-what-you-have',
    ];
    for (const persona of ['eager-buyer', 'status-quo-skeptic', 'procurement-lead']) {
      const a = playPreferring(enterprise, persona, 7, [...prep, ...strong, 'accept-final'], 'accept-final');
      const b = playPreferring(enterprise, persona, 7, [...prep, ...weak, 'accept-final'], 'accept-final');
      // Both stand at the final offer with nothing given away; only the signals differ.
      expect(a.snapshot().stage).toBe('closing');
      expect(b.snapshot().stage).toBe('closing');
      expect(a.snapshot().value, persona).toBeGreaterThan(b.snapshot().value);
      expect(a.context.model.belief).toBeGreaterThan(b.context.model.belief);
    }
  });

  it('a called bluff collapses credibility and lowers the final deal', () => {
    // Sam tests every claim (skepticism 1). Without preparation the claim is a bluff.
    const bluff = playChoices(mini, 'buyer', 1, ['skip-prep', 'calm', 'claim-other']);
    expect(bluff.snapshot().stage).toBe('testing');
    const credibilityBefore = bluff.context.model.credibility;
    bluff.choose('stand');
    expect(bluff.context.model.credibility).toBeLessThan(credibilityBefore / 2);
    const honest = playChoices(mini, 'buyer', 1, ['skip-prep', 'calm', 'hold-middle']);
    expect(bluff.snapshot().value).toBeLessThan(honest.snapshot().value);
    expect(bluff.result()).toBeNull();

    // The same claim, backed by preparation, survives the test and raises credibility.
    const backed = playChoices(mini, 'buyer', 1, ['line-up-other', 'calm', 'claim-other']);
    expect(backed.snapshot().stage).toBe('testing');
    const before = backed.context.model.credibility;
    backed.choose('stand');
    expect(backed.context.model.credibility).toBeGreaterThan(before);
  });

  it('a threat costs trust and hardens the counterpart', () => {
    const threat = playChoices(mini, 'buyer', 1, ['line-up-other', 'calm', 'threaten']);
    const calm = playChoices(mini, 'buyer', 1, ['line-up-other', 'calm', 'hold-middle']);
    expect(threat.context.model.trust).toBeLessThan(calm.context.model.trust);
    expect(threat.context.model.hardened).toBe(1);
    expect(threat.snapshot().mood).toBe('annoyed');
    expect(threat.snapshot().value).toBeLessThanOrEqual(calm.snapshot().value);
  });

  it('a concession without a trade teaches the counterpart to ask for more', () => {
    const free = playChoices(mini, 'buyer', 1, ['line-up-other', 'give-ten']);
    const held = playChoices(mini, 'buyer', 1, ['line-up-other', 'calm']);
    expect(free.context.model.learnedPressure).toBe(held.context.model.learnedPressure + 1);
    expect(free.snapshot().reaction).toBe('Thanks. What else?');
  });

  it('walking away from an offer below the walk-away scores better than signing it', () => {
    // No preparation and signs of need against the procurement lead: the final offer stays below the line.
    const path = [
      'polish-deck',
      'stay-flexible',
      'rest',
      'close-by-friday',
      'ideal-customer',
      'match-vendor',
      'concede-thirty',
      'rush-for-friday',
      'over-available',
      'give-quarterly',
    ];
    const atFinal = playPreferring(enterprise, 'procurement-lead', 3, [...path, 'accept-final'], 'accept-final');
    const snap = atFinal.snapshot();
    expect(snap.value).toBeLessThan(snap.walkAwayValue);
    const signed = playPreferring(enterprise, 'procurement-lead', 3, [...path, 'accept-final']).result()!;
    const walked = playPreferring(enterprise, 'procurement-lead', 3, [...path, 'walk-final']).result()!;
    expect(signed.outcome).toBe('deal');
    expect(walked.outcome).toBe('walked-away');
    expect(walked.score.total).toBeGreaterThan(signed.score.total);
    // Walking was the right call, but a walk-away is worth the walk-away, never the zone or the target.
    expect(walked.score.dimensions.value.checks.map((c) => [c.id, c.passed])).toEqual([
      ['no-loss', true],
      ['zone-share', false],
      ['target', false],
    ]);
    expect(signed.antiPatterns.map((a) => a.id)).toContain('deal-below-walk-away');
  });

  it('the counterpart walks when it loses patience at the final offer', () => {
    // Two turns of patience bring the final offer; mini's final beat offers only sign or leave, so a
    // variant adds a push there. An unprepared player who gave ground has no credibility for one.
    const s = playChoices(miniWithPush, 'buyer', 1, ['skip-prep', 'give-ten', 'hold-middle']);
    expect(s.snapshot().stage).toBe('closing');
    expect(s.snapshot().choices.map((c) => c.id)).toEqual(['sign', 'leave', 'push']);
    const after = s.choose('push');
    expect(s.isOver()).toBe(true);
    expect(after.stage).toBe('counterpartWalked');
    expect(after.line).toBe("We'll leave it there.");
    expect(s.result()!.outcome).toBe('counterpart-walked');
    expect(s.result()!.value).toBe(0);
  });

  it('the clean path through enterprise-deal scores an A against every persona', () => {
    for (const persona of ['eager-buyer', 'status-quo-skeptic', 'procurement-lead']) {
      const r = playPreferring(enterprise, persona, 1, ENTERPRISE_CLEAN).result()!;
      expect(r.outcome, persona).toBe('deal');
      expect(r.value).toBeGreaterThanOrEqual(r.walkAwayValue);
      expect(r.antiPatterns).toEqual([]);
      expect(r.score.total, persona).toBeGreaterThanOrEqual(85);
    }
  });
});
