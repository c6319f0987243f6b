import { describe, expect, it } from 'vitest';
import { Session, replayAttempt } from '../../../src/engine/index.ts';
import { canTakeBack, takeBack, takeBackRefusal, retryFromTurn, replayUpTo, entryFor, checkEntry } from '../../../src/engine/training/index.ts';
import { compiledShipped, ENTERPRISE_CLEAN } from '../../helpers.ts';

const tutorial = compiledShipped('tutorial');
const enterprise = compiledShipped('enterprise-deal');
const BEST = ['book-prospects', 'write-line', 'ask-why', 'mention-options', 'stand-calmly', 'take-a-day', 'final-push', 'accept-final'];

function play(mode: 'coach' | 'practice' | 'assessment', moves: string[], seed = 3): Session {
  const s = Session.create(tutorial, 'friendly-manager', seed, mode);
  for (const m of moves) {
    if (s.isOver()) break;
    const ids = s.snapshot().choices.map((c) => c.id);
    s.choose(ids.includes(m) ? m : ids[0]!);
  }
  return s;
}

describe('modes', () => {
  it('coach shows hints; practice and assessment never do', () => {
    expect(play('coach', []).snapshot().hint).toBeTruthy();
    for (const mode of ['practice', 'assessment'] as const) {
      const s = Session.create(tutorial, 'friendly-manager', 3, mode);
      while (!s.isOver()) {
        expect(s.snapshot().hint).toBeNull();
        s.choose(s.snapshot().choices[0]!.id);
      }
    }
  });
});

describe('coach take-back', () => {
  it('restores exactly the previous turn (same snapshot) and notes the take-back in the record', () => {
    const s = play('coach', BEST.slice(0, 3));
    const before = s.snapshot();
    s.choose(before.choices[1]!.id);
    const back = takeBack(tutorial, s);
    expect(back.snapshot()).toEqual(before);
    expect(back.attempt().takeBacks).toEqual([4]);
    expect(back.attempt().moves).toEqual(s.attempt().moves.slice(0, 3));
  });

  it('allows one take-back per turn, none in practice or assessment, none after the end', () => {
    const s = play('coach', BEST.slice(0, 2));
    const back = takeBack(tutorial, s);
    expect(takeBackRefusal(back)).toBe(null);
    back.choose(back.snapshot().choices[0]!.id);
    expect(takeBackRefusal(back)).toBe('already-taken-back');
    expect(() => takeBack(tutorial, back)).toThrow(/cannot be taken back/);
    expect(takeBackRefusal(play('practice', BEST.slice(0, 2)))).toBe('not-coach');
    expect(takeBackRefusal(play('assessment', BEST.slice(0, 2)))).toBe('not-coach');
    expect(canTakeBack(play('coach', BEST))).toBe(false);
    expect(takeBackRefusal(Session.create(tutorial, 'friendly-manager', 1, 'coach'))).toBe('nothing-to-take-back');
  });

  it('a record with take-backs replays to the same game and score', () => {
    let s = play('coach', BEST.slice(0, 3));
    s.choose(s.snapshot().choices[0]!.id);
    s = takeBack(tutorial, s);
    for (const m of BEST.slice(3)) if (!s.isOver()) s.choose(s.snapshot().choices.some((c) => c.id === m) ? m : s.snapshot().choices[0]!.id);
    const again = replayAttempt(tutorial, JSON.parse(JSON.stringify(s.attempt())));
    expect(again.result()).toEqual(s.result());
    expect(again.attempt().takeBacks).toEqual([4]);
  });
});

describe('retry from a turn and re-watching', () => {
  it('replays the first N moves of a finished game and lets the rep take another road', () => {
    const s = Session.create(enterprise, 'eager-buyer', 4, 'practice');
    for (const m of ENTERPRISE_CLEAN) if (!s.isOver() && s.snapshot().choices.some((c) => c.id === m)) s.choose(m);
    const finished = s.attempt();
    const retry = retryFromTurn(enterprise, finished, 5);
    expect(retry.isOver()).toBe(false);
    expect(retry.attempt().moves).toEqual(finished.moves.slice(0, 5));
    expect(retry.snapshot().turn).toBe(replayUpTo(enterprise, finished, 5).snapshot().turn);
    const other = retry.snapshot().choices.find((c) => c.id !== finished.moves[5])!;
    retry.choose(other.id);
    expect(retry.attempt().moves[5]).not.toEqual(finished.moves[5]);
  });

  it('the replay of each turn ends where the game did, with the same score', () => {
    const s = play('practice', BEST);
    const a = s.attempt();
    expect(replayUpTo(tutorial, a, a.moves.length).result()).toEqual(s.result());
    expect(replayUpTo(tutorial, a, 0).snapshot().turn).toBe(0);
  });
});

describe('record entries', () => {
  it('cache a summary that replay confirms, correct a tampered cache, and say when the scenario changed', () => {
    const s = play('practice', BEST);
    const entry = entryFor(s, '2026-11-30T08:00:00.000Z');
    expect(entry.summary.total).toBe(s.result()!.score.total);
    expect(checkEntry(tutorial, entry).kind).toBe('ok');
    const tampered = { ...entry, summary: { ...entry.summary, total: 99 } };
    const fixed = checkEntry(tutorial, tampered);
    expect(fixed.kind).toBe('corrected');
    if (fixed.kind === 'corrected') expect(fixed.entry.summary.total).toBe(entry.summary.total);
    const changed = checkEntry(tutorial, { ...entry, attempt: { ...entry.attempt, fingerprint: 'f'.repeat(64) } });
    expect(changed).toEqual({ kind: 'stale', reason: 'the scenario has changed since this game was played' });
  });

  it('refuses to record a game that is not over', () => {
    expect(() => entryFor(play('practice', BEST.slice(0, 2)), '2026-11-30T08:00:00.000Z')).toThrow(/finished/);
  });
});
