import { describe, expect, it } from 'vitest';
import { encodePackage, replayAttempt, Session, UnknownChoiceError } from '../../src/engine/index.ts';
import { compiledShipped, playChoices, playPreferring, ENTERPRISE_CLEAN } from '../helpers.ts';

const enterprise = compiledShipped('enterprise-deal');
const PATH = [
  'build-pipeline',
  'stay-flexible',
  'rest',
  'ask-what-if-not',
  'ideal-customer',
  'mention-pipeline',
  'test-stand',
  'probe-vendor',
  'trade-for-deadline',
  'pause-to-think',
  'accept-final',
];

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

describe("a package of the rep's own", () => {
  const atTable = () => playChoices(enterprise, 'procurement-lead', 1, ['build-pipeline', 'set-walk-away', 'research-buyer']);
  const best = (side: 'you' | 'them') => {
    const terms: Record<string, string> = {};
    for (const issue of enterprise.scenario.issues) terms[issue.id] = [...issue.options].sort((a, b) => b[side] - a[side])[0]!.id;
    return terms;
  };

  it('can be proposed at the negotiation beats before the final offer, never in preparation', () => {
    const s = Session.create(enterprise, 'procurement-lead', 1);
    expect(s.snapshot().canPropose).toBe(false);
    expect(() => s.propose(best('you'))).toThrow(UnknownChoiceError);
    const table = atTable();
    expect(table.snapshot().canPropose).toBe(true);
    expect(table.snapshot().issues.map((i) => i.id)).toEqual(enterprise.scenario.issues.map((i) => i.id));
  });

  it('greedy: refused with the reason, answered with a changed package, and the script goes on', () => {
    const s = atTable();
    const beat = s.context.model.beat;
    const after = s.propose(best('you'));
    expect(after.reaction).toBeTruthy();
    expect(s.context.model.reaction?.key).toBe('proposalRejected');
    expect(after.why).toMatch(/worth less to them|short of what they still expect/);
    expect(after.terms).not.toEqual(best('you'));
    expect(s.context.model.beat).not.toBe(beat);
    const last = s.context.log.transcript.at(-1)!;
    expect(last.choice.tags).toEqual(['propose']);
    expect(s.moves.at(-1)).toEqual(encodePackage(enterprise, best('you')));
  });

  it('generous: accepted and put on the table as proposed', () => {
    const s = atTable();
    const after = s.propose(best('them'));
    expect(s.context.model.reaction?.key).toBe('proposalAccepted');
    expect(after.terms).toEqual(best('them'));
  });

  it('rejects a package that is not whole, and changes nothing', () => {
    const s = atTable();
    const before = s.snapshot();
    const { price: _, ...partial } = best('you');
    expect(() => s.propose(partial)).toThrow();
    expect(() => s.propose({ ...best('you'), price: 'no-such-option' })).toThrow();
    expect(s.snapshot()).toEqual(before);
  });

  it('replays from the attempt record to the same result', () => {
    const s = atTable();
    s.propose(best('you'));
    while (!s.isOver()) s.choose(s.snapshot().choices[0]!.id);
    expect(replayAttempt(enterprise, s.attempt()).result()).toEqual(s.result());
  });

  it('is valued against the walk-away and target before it is sent', () => {
    const s = atTable();
    const w = s.worth(best('you'));
    expect(w.value).toBe(enterprise.space.valueOf(best('you')));
    expect(w.zone).toBeCloseTo((w.value - w.walkAwayValue) / (w.target - w.walkAwayValue));
  });
});
