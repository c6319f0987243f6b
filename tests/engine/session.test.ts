import { describe, expect, it } from 'vitest';
import { Session, UnknownChoiceError } from '../../src/engine/index.ts';
import { compiledShipped, playPreferring, ENTERPRISE_CLEAN } from '../helpers.ts';

const enterprise = compiledShipped('enterprise-deal');
const PATH = ['build-pipeline', 'stay-flexible', 'rest', 'ask-what-if-not', 'ideal-customer', 'mention-pipeline', 'test-stand', 'probe-vendor', 'trade-for-deadline', 'pause-to-think', 'accept-final'];

describe('a session', () => {
  it('gives the same transcript and score for the same scenario, persona, seed and choices', () => {
    const a = playPreferring(enterprise, 'procurement-lead', 42, [...PATH, ...ENTERPRISE_CLEAN]).result()!;
    const b = playPreferring(enterprise, 'procurement-lead', 42, [...PATH, ...ENTERPRISE_CLEAN]).result()!;
    expect(b).toEqual(a);
    expect(a.transcript.length).toBeGreaterThanOrEqual(8);
  });

  it('shows each turn: speaker, line, terms and their value, the walk-away, the phase and tagged choices', () => {
    const s = Session.create(enterprise, 'eager-buyer', 1);
    const prep = s.snapshot();
    expect(prep.phase).toBe('prep');
    expect(prep.speaker).toBe('Coach');
    expect(prep.choices.every((c) => c.tags.includes('prep') && c.explain)).toBe(true);
    s.choose('build-pipeline');
    s.choose('set-walk-away');
    const table = s.choose('research-buyer');
    expect(table).toMatchObject({ phase: 'negotiation', stage: 'opening', speaker: 'Dana Okafor', walkAwayValue: 160, target: 210 });
    expect(table.line).toMatch(/40% off/);
    expect(table.terms.price).toBe('d40'); // the counterpart anchors at its best
    expect(table.value).toBe(table.termsView.reduce((a, t) => a + t.value, 0));
    expect(table.choices.length).toBeGreaterThanOrEqual(3);
  });

  it('rejects a choice that is not on offer, and changes nothing', () => {
    const s = Session.create(enterprise, 'eager-buyer', 1);
    const before = s.snapshot();
    expect(() => s.choose('accept-final')).toThrow(UnknownChoiceError);
    expect(() => s.choose('no-such-choice')).toThrow(/choose one of: build-pipeline, qualify-harder, polish-deck/);
    expect(s.snapshot()).toEqual(before);
  });
});
