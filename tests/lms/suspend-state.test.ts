import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replayAttempt, Session, type AttemptRecord, type CompiledScenario } from '../../src/engine/index.ts';
import { PersonaStepper, type StepState } from '../../src/engine/persona/stepper.ts';
import { availableChoices } from '../../src/engine/persona/rules.ts';
import { decodeSuspendState, encodeSuspendState, SUSPEND_LIMIT } from '../../src/lms/suspend-state.ts';
import { compiledShipped } from '../helpers.ts';

/**
 * SCORM 1.2 keeps at most 4,096 characters of suspend data. The suspend state is the attempt record;
 * this finds, for every persona of every shipped scenario, the game whose record is longest (an
 * exhaustive search over the persona machine's states, longest encoded move list from each state) and
 * checks that record, with the widest seed and mode, fits.
 */
interface Longest {
  chars: number;
  moves: string[];
}

function longestGame(c: CompiledScenario, personaId: string, seed: number): Longest {
  const stepper = new PersonaStepper(c, { record: false });
  const memo = new Map<string, Longest>();
  const visit = (s: StepState): Longest => {
    if (s.done) return { chars: 0, moves: [] };
    const m = s.context.model;
    // Two states with the same model (the turn number and the words of the reaction aside) have the same futures.
    const key = s.value + JSON.stringify({ ...m, turn: 0, reaction: m.reaction?.key ?? null });
    const known = memo.get(key);
    if (known) return known;
    let best: Longest = { chars: -1, moves: [] };
    for (const choice of availableChoices(c, m)) {
      const next = stepper.choose(s, choice.id);
      if (!next) continue;
      const rest = visit(next);
      // Each move costs its JSON string plus a comma in the record's moves array.
      const chars = JSON.stringify(choice.id).length + 1 + rest.chars;
      if (chars > best.chars) best = { chars, moves: [choice.id, ...rest.moves] };
    }
    memo.set(key, best);
    return best;
  };
  return visit(stepper.start({ personaId, seed }));
}

const SHIPPED = readdirSync(new URL('../../scenarios/', import.meta.url))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));

describe('SCORM 1.2 suspend data holds the longest possible game', () => {
  it.each(SHIPPED)('%s: the longest record of every persona fits in 4,096 characters and replays', (id) => {
    const c = compiledShipped(id);
    for (const persona of c.scenario.personas) {
      const longest = longestGame(c, persona.id, 1);
      const session = Session.create(c, persona.id, 1, 'assessment');
      for (const move of longest.moves) session.choose(move);
      expect(session.isOver()).toBe(true);
      const text = encodeSuspendState(session.attempt());
      // Measured with the widest seed the record allows (ten digits) instead of 1.
      const widest: AttemptRecord = { ...session.attempt(), seed: 2 ** 32 - 1 };
      expect(encodeSuspendState(widest).length, `${id}/${persona.id}: ${longest.moves.length} moves`).toBeLessThanOrEqual(SUSPEND_LIMIT.scorm12);
      // What the LMS gives back replays to the same finished game.
      const replayed = replayAttempt(c, decodeSuspendState(text));
      expect(replayed.attempt().moves).toEqual(longest.moves);
      // Random games with other seeds never write a longer list of moves than the search found.
      for (let seed = 2; seed < 40; seed++) {
        const random = Session.create(c, persona.id, seed);
        let rng = seed * 7919;
        while (!random.isOver()) {
          const choices = random.snapshot().choices;
          rng = (rng * 1103515245 + 12345) % 2 ** 31;
          random.choose(choices[rng % choices.length]!.id);
        }
        expect(JSON.stringify(random.attempt().moves).length).toBeLessThanOrEqual(JSON.stringify(longest.moves).length + 40);
      }
    }
  });

  it('an empty suspend state means a first launch; unreadable text is refused plainly', () => {
    expect(decodeSuspendState('')).toBeNull();
    expect(() => decodeSuspendState('{"format":1,')).toThrow('the saved progress is not readable');
  });
});
