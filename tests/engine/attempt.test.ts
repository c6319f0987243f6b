import { describe, expect, it } from 'vitest';
import { AttemptError, encodePackage, decodePackage, parseAttempt, replayAttempt, Session } from '../../src/engine/index.ts';
import { compiledFixture, compiledShipped, playPreferring, ENTERPRISE_CLEAN } from '../helpers.ts';

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
const prefs = [...PATH, ...ENTERPRISE_CLEAN];
const step = (s: Session) => s.choose(prefs.find((p) => s.snapshot().choices.some((c) => c.id === p))!);

function finished(seed = 9): Session {
  return playPreferring(enterprise, 'procurement-lead', seed, prefs);
}

describe('the attempt record', () => {
  it('holds scenario, SHA-256 fingerprint, persona, seed, mode and the moves in order', () => {
    const s = finished();
    const a = s.attempt();
    expect(a).toMatchObject({ format: 1, scenarioId: 'enterprise-deal', personaId: 'procurement-lead', seed: 9, mode: 'practice' });
    expect(a.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(a.moves).toEqual(s.result()!.transcript.map((t) => t.choice.id));
  });

  it('stays small: a 20-move record with 4 packages is under 600 bytes of JSON', () => {
    const a = finished().attempt();
    const packages = Array.from({ length: 4 }, () => encodePackage(enterprise, enterprise.scenario.proposal));
    const moves = [...a.moves, ...packages, ...a.moves].slice(0, 20);
    const big = { ...a, moves: [...moves.slice(0, 16), ...packages] };
    expect(big.moves).toHaveLength(20);
    expect(JSON.stringify(big).length).toBeLessThan(600);
  });

  it('replays to the same transcript, offers and score as the game that was played', () => {
    const s = finished();
    const replayed = replayAttempt(enterprise, JSON.parse(JSON.stringify(s.attempt())));
    expect(replayed.isOver()).toBe(true);
    expect(replayed.result()).toEqual(s.result());
  });

  it('replays a game in progress to the same turn, which then continues exactly as the original', () => {
    const original = Session.create(enterprise, 'procurement-lead', 9, 'coach');
    for (let i = 0; i < 6; i++) step(original);
    const restored = replayAttempt(enterprise, JSON.parse(JSON.stringify(original.attempt())));
    expect(restored.mode).toBe('coach');
    expect(restored.snapshot()).toEqual(original.snapshot());
    while (!original.isOver()) {
      step(original);
      step(restored);
      expect(restored.snapshot()).toEqual(original.snapshot());
    }
    expect(restored.result()).toEqual(original.result());
  });

  it('writes packages as option indexes and reads them back', () => {
    const terms = { price: 'd20', term: 'three-year', payment: 'upfront', implementation: 'half', reference: 'case-study' };
    const indexes = encodePackage(enterprise, terms);
    expect(indexes).toEqual([4, 2, 0, 1, 1]);
    expect(decodePackage(enterprise, indexes)).toEqual(terms);
    expect(decodePackage(enterprise, [4, 2, 0, 1])).toBeNull();
    expect(decodePackage(enterprise, [12, 2, 0, 1, 1])).toBeNull();
    expect(() => encodePackage(enterprise, { ...terms, price: 'free' })).toThrow(/Annual price/);
  });
});

describe('a record that does not replay is refused with a plain reason', () => {
  const good = () => JSON.parse(JSON.stringify(finished().attempt()));
  const refusal = (raw: unknown, c = enterprise) => {
    try {
      replayAttempt(c, raw);
    } catch (e) {
      expect(e).toBeInstanceOf(AttemptError);
      return e as AttemptError;
    }
    throw new Error('the record replayed');
  };

  it('a changed scenario (fingerprint)', () => {
    expect(refusal({ ...good(), fingerprint: 'a'.repeat(64) })).toMatchObject({
      problem: 'scenario-changed',
      message: 'the scenario has changed since this game was played',
    });
  });

  it('another scenario', () => {
    expect(refusal(good(), compiledFixture('mini')).message).toMatch(/played on scenario "enterprise-deal"/);
  });

  it('a move that was not a choice at that point, named by its number', () => {
    const a = good();
    a.moves[6] = 'accept-final';
    expect(refusal(a)).toMatchObject({ problem: 'bad-move', move: 7, message: 'move 7 is not a choice at that point' });
  });

  it('moves after the end', () => {
    const a = good();
    a.moves.push('accept-final');
    expect(refusal(a).message).toBe(`move ${a.moves.length} comes after the negotiation ended`);
  });

  it('a changed seed that leads somewhere else is either the same game or a refusal, never a throw of another kind', () => {
    for (let seed = 0; seed < 20; seed++) {
      const a = { ...good(), seed };
      try {
        expect(replayAttempt(enterprise, a).attempt().moves).toEqual(a.moves);
      } catch (e) {
        expect(e).toBeInstanceOf(AttemptError);
      }
    }
  });

  it('damaged shapes, naming the field', () => {
    expect(refusal('not a record').message).toMatch(/damaged/);
    expect(refusal({ ...good(), format: 0 }).message).toMatch(/format 0/);
    expect(refusal({ ...good(), seed: 'x' }).message).toMatch(/seed/);
    expect(refusal({ ...good(), moves: [1] }).message).toMatch(/moves\.\[1\]/);
    expect(refusal({ ...good(), mode: 'cheat' }).message).toMatch(/mode/);
    expect(refusal({ ...good(), extra: 1 }).message).toMatch(/damaged/);
    expect(refusal({ ...good(), personaId: 'nobody' }).message).toMatch(/no persona "nobody"/);
    expect(() => parseAttempt({ ...good(), moves: Array(500).fill('x') })).toThrow(/more than 400 moves/);
  });
});
