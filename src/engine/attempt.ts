import type { CompiledScenario } from './persona/compile.ts';
import { Session, UnknownChoiceError } from './session.ts';
import { AttemptError, decodePackage, parseAttempt, type Move } from './attempt-record.ts';

export * from './attempt-record.ts';

/**
 * Replays a record through the engine and returns the session it leads to (finished or still in
 * progress). Everything is checked: the shape, that the scenario is the one it was played on (by
 * fingerprint), the persona, and that every move was available when it was made. Throws AttemptError.
 */
export function replayAttempt(c: CompiledScenario, raw: unknown): Session {
  const record = parseAttempt(raw);
  if (record.scenarioId !== c.scenario.id) {
    throw new AttemptError('other-scenario', `this game was played on scenario "${record.scenarioId}", not "${c.scenario.id}"`);
  }
  if (record.fingerprint !== c.fingerprint) {
    throw new AttemptError('scenario-changed', 'the scenario has changed since this game was played');
  }
  if (!c.personas.has(record.personaId)) {
    throw new AttemptError('unknown-persona', `the scenario has no persona "${record.personaId}"`);
  }
  const session = Session.create(c, record.personaId, record.seed, record.mode);
  for (const n of record.takeBacks ?? []) session.noteTakeBack(n);
  record.moves.forEach((move, i) => playMove(c, session, move, i + 1));
  return session;
}

function playMove(c: CompiledScenario, session: Session, move: Move, n: number): void {
  if (session.isOver()) throw new AttemptError('bad-move', `move ${n} comes after the negotiation ended`, n);
  try {
    if (typeof move === 'string') {
      session.choose(move);
      return;
    }
    const terms = decodePackage(c, move);
    if (!terms) throw new AttemptError('bad-move', `move ${n} is a package that does not fit this scenario's issues`, n);
    session.propose(terms);
  } catch (e) {
    if (e instanceof AttemptError) throw e;
    if (e instanceof UnknownChoiceError) throw new AttemptError('bad-move', `move ${n} is not a choice at that point`, n);
    throw new AttemptError('bad-move', `move ${n} cannot be played: ${(e as Error).message}`, n);
  }
}
