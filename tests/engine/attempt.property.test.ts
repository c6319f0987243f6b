import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ATTEMPT_MODES,
  AttemptError,
  decodePackage,
  parseAttempt,
  replayAttempt,
  Session,
  UnknownChoiceError,
  type AttemptRecord,
  type CompiledScenario,
  type Move,
} from '../../src/engine/index.ts';
import { compiledFixture, compiledShipped } from '../helpers.ts';

/**
 * Property tests over attempt records: whatever a record holds (random moves, a real game cut short,
 * a real game tampered with), replaying it either gives exactly the game that playing those moves
 * through a Session gives, or refuses it with an AttemptError. Never another kind of throw.
 */

const SCENARIOS: CompiledScenario[] = [
  compiledShipped('tutorial'),
  compiledShipped('enterprise-deal'),
  compiledFixture('mini'),
  compiledFixture('builtin-names'),
];
/** Fixed seed and bounded runs: the same cases every time, and the file stays within a few seconds. */
const RUNS = { seed: 20261130, numRuns: 60 };

const JUNK_IDS = ['', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'accept-final ', 'ACCEPT-FINAL', 'x'.repeat(121), '\u0000', 'prep'];

/** What playing the record's moves straight through a Session gives: the session, or 'refused' at the first move it cannot play. */
function playDirectly(c: CompiledScenario, r: AttemptRecord): Session | 'refused' {
  if (!c.personas.has(r.personaId)) return 'refused';
  const s = Session.create(c, r.personaId, r.seed, r.mode);
  for (const move of r.moves) {
    if (s.isOver()) return 'refused';
    try {
      if (typeof move === 'string') s.choose(move);
      else {
        const terms = decodePackage(c, move);
        if (!terms) return 'refused';
        s.propose(terms);
      }
    } catch (e) {
      // The engine refusing a move (a choice not available, a package it will not take) is a refusal;
      // a TypeError and the like is a bug, and fails the property.
      if (e instanceof UnknownChoiceError || !(e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError)) return 'refused';
      throw e;
    }
  }
  return s;
}

/** What replaying should give: a refusal for a record the schema refuses, else what playing its moves gives. */
function expectedOf(c: CompiledScenario, r: AttemptRecord): Session | 'refused' {
  try {
    parseAttempt(r);
  } catch {
    return 'refused';
  }
  return playDirectly(c, r);
}

/** Replays `raw` and checks it against playing directly (`expected`), or that it is refused. */
function expectSameGameOrRefusal(c: CompiledScenario, raw: unknown, expected: Session | 'refused'): void {
  let replayed: Session;
  try {
    replayed = replayAttempt(c, raw);
  } catch (e) {
    if (!(e instanceof AttemptError)) throw new Error(`replay threw ${(e as Error)?.name}: ${(e as Error)?.message}`);
    expect(expected, `refused (${e.message}) but the moves play`).toBe('refused');
    return;
  }
  expect(expected, 'replayed a record whose moves do not play').not.toBe('refused');
  const direct = expected as Session;
  expect(replayed.attempt()).toEqual(direct.attempt());
  expect(replayed.snapshot()).toEqual(direct.snapshot());
  expect(replayed.result()).toEqual(direct.result());
}

const scenarioArb = fc.constantFrom(...SCENARIOS);

/** A real game: a seeded bot picks among the choices available at each turn. */
function realGame(c: CompiledScenario, personaIndex: number, seed: number, picks: number[]): AttemptRecord {
  const personas = [...c.personas.keys()];
  const s = Session.create(c, personas[personaIndex % personas.length]!, seed);
  for (let i = 0; !s.isOver(); i++) {
    const choices = s.snapshot().choices;
    s.choose(choices[(picks[i % picks.length] ?? 0) % choices.length]!.id);
  }
  return JSON.parse(JSON.stringify(s.attempt())) as AttemptRecord;
}

const realGameArb = scenarioArb.chain((c) =>
  fc.record({
    c: fc.constant(c),
    record: fc
      .tuple(fc.nat(9), fc.nat(2 ** 32 - 1), fc.array(fc.nat(99), { minLength: 1, maxLength: 12 }))
      .map(([p, seed, picks]) => realGame(c, p, seed, picks)),
  }),
);

/** A move: a real choice id of the scenario (mostly), junk, or a package that may or may not fit. */
function moveArb(c: CompiledScenario): fc.Arbitrary<Move> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...c.choices.keys()) },
    { weight: 1, arbitrary: fc.constantFrom(...JUNK_IDS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.array(fc.nat(7), { minLength: 0, maxLength: c.scenario.issues.length + 1 }) },
  );
}

describe('replaying attempt records (property tests)', () => {
  it('random move lists: the same game as playing them, or a refusal', () => {
    const outcomes = { replayed: 0, refused: 0 };
    fc.assert(
      fc.property(
        scenarioArb.chain((c) =>
          fc.record({
            c: fc.constant(c),
            personaId: fc.constantFrom(...c.personas.keys()),
            seed: fc.nat(2 ** 32 - 1),
            mode: fc.constantFrom(...ATTEMPT_MODES),
            // Mostly a choice available at that point (so games get somewhere), else any move at all.
            steps: fc.array(fc.oneof({ weight: 6, arbitrary: fc.nat(99) }, { weight: 1, arbitrary: moveArb(c) }), { maxLength: 24 }),
          }),
        ),
        ({ c, personaId, seed, mode, steps }) => {
          const moves: Move[] = [];
          const guide = Session.create(c, personaId, seed, mode);
          for (const step of steps) {
            if (typeof step === 'number') {
              const available = guide.isOver() ? [...c.choices.keys()] : guide.snapshot().choices.map((ch) => ch.id);
              const id = available[step % available.length]!;
              moves.push(id);
              if (!guide.isOver()) guide.choose(id);
            } else moves.push(step);
          }
          const record = { format: 1, scenarioId: c.scenario.id, fingerprint: c.fingerprint, personaId, seed, mode, moves } as AttemptRecord;
          const expected = expectedOf(c, record);
          outcomes[expected === 'refused' ? 'refused' : 'replayed'] += 1;
          // Records from outside are JSON: replay what a store would hand back.
          expectSameGameOrRefusal(c, JSON.parse(JSON.stringify(record)), expected);
        },
      ),
      { ...RUNS, numRuns: 100 },
    );
    // Both sides of the property were exercised.
    expect(outcomes.replayed).toBeGreaterThan(15);
    expect(outcomes.refused).toBeGreaterThan(15);
  });

  it('moves drawn only from what is available replay to exactly the game played', () => {
    fc.assert(
      fc.property(realGameArb, ({ c, record }) => {
        const direct = playDirectly(c, record);
        expect(direct).not.toBe('refused');
        expect((direct as Session).isOver()).toBe(true);
        expectSameGameOrRefusal(c, record, direct);
      }),
      RUNS,
    );
  });

  it('a real game cut short replays to the turn it reached', () => {
    fc.assert(
      fc.property(realGameArb, fc.nat(), ({ c, record }, cut) => {
        const truncated = { ...record, moves: record.moves.slice(0, cut % (record.moves.length + 1)) };
        const direct = playDirectly(c, truncated);
        expect(direct).not.toBe('refused');
        expect((direct as Session).isOver()).toBe(truncated.moves.length === record.moves.length);
        expectSameGameOrRefusal(c, truncated, direct);
      }),
      RUNS,
    );
  });

  it('a tampered seed, move, persona or mode: the same game as playing the tampered record, or a refusal', () => {
    const tamper = fc.oneof(
      fc.record({ field: fc.constant('seed' as const), seed: fc.nat(2 ** 32 - 1) }),
      fc.record({ field: fc.constant('move' as const), at: fc.nat(), move: fc.oneof(fc.constantFrom(...JUNK_IDS), fc.string({ maxLength: 8 })) }),
      fc.record({ field: fc.constant('real-move' as const), at: fc.nat(), pick: fc.nat() }),
      fc.record({ field: fc.constant('persona' as const), persona: fc.oneof(fc.constantFrom(...JUNK_IDS.filter(Boolean)), fc.nat(9)) }),
      fc.record({ field: fc.constant('mode' as const), mode: fc.constantFrom(...ATTEMPT_MODES) }),
    );
    fc.assert(
      fc.property(realGameArb, tamper, ({ c, record }, t) => {
        const r = structuredClone(record);
        if (t.field === 'seed') r.seed = t.seed;
        if (t.field === 'mode') r.mode = t.mode;
        if (t.field === 'move' && r.moves.length) r.moves[t.at % r.moves.length] = t.move;
        if (t.field === 'real-move' && r.moves.length) {
          const ids = [...c.choices.keys()];
          r.moves[t.at % r.moves.length] = ids[t.pick % ids.length]!;
        }
        if (t.field === 'persona') r.personaId = typeof t.persona === 'number' ? [...c.personas.keys()][t.persona % c.personas.size]! : t.persona;
        expectSameGameOrRefusal(c, r, expectedOf(c, r));
      }),
      RUNS,
    );
  });

  it('a tampered fingerprint or scenario id is always refused', () => {
    fc.assert(
      fc.property(realGameArb, fc.stringMatching(/^[0-9a-f]{64}$/), fc.string({ maxLength: 20 }), ({ c, record }, fingerprint, scenarioId) => {
        fc.pre(fingerprint !== c.fingerprint && scenarioId !== c.scenario.id);
        for (const r of [
          { ...record, fingerprint },
          { ...record, scenarioId },
        ]) {
          expect(() => replayAttempt(c, r)).toThrow(AttemptError);
        }
      }),
      RUNS,
    );
  });

  it('a field of the wrong type, a missing or an extra field, or anything at all instead of a record: refused as damaged', () => {
    const fields = ['format', 'scenarioId', 'fingerprint', 'personaId', 'seed', 'mode', 'moves'] as const;
    fc.assert(
      fc.property(
        realGameArb,
        fc.constantFrom(...fields),
        fc.oneof(fc.jsonValue(), fc.anything({ withNullPrototype: true, withObjectString: true })),
        fc.constantFrom('replace', 'delete', 'extra'),
        ({ c, record }, field, value, how) => {
          const r: Record<string, unknown> = { ...record };
          if (how === 'delete') delete r[field];
          else if (how === 'extra') r[`${field}2`] = value;
          else {
            // A value that is still valid for the field (the same seed, say) is no tampering.
            fc.pre(JSON.stringify(value) !== JSON.stringify(r[field]));
            r[field] = value;
          }
          try {
            const s = replayAttempt(c, r);
            // The only way through: a replaced value the schema accepts and the game agrees with.
            expect(how).toBe('replace');
            expect(s.attempt()[field]).toEqual(value);
          } catch (e) {
            if (!(e instanceof AttemptError)) throw new Error(`replay threw ${(e as Error)?.name}: ${(e as Error)?.message}`);
          }
        },
      ),
      { ...RUNS, numRuns: 150 },
    );
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true, withMap: true, withSet: true, withTypedArray: true }), (raw) => {
        expect(() => replayAttempt(SCENARIOS[0]!, raw)).toThrow(AttemptError);
      }),
      { ...RUNS, numRuns: 200 },
    );
  });
});
