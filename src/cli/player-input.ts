import { z } from 'zod';
import { UnknownChoiceError, type Session, type SessionSnapshot } from '../engine/index.ts';

/**
 * What a player or bot may send for one turn: a choice id (or its number in the terminal), or a whole
 * package as JSON, `{"propose":{"issue":"option",...}}`. Anything else is refused with a message and the
 * same turn is offered again.
 */
const ProposeMessage = z
  .object({
    propose: z
      .record(z.string().max(200, 'an issue id longer than 200 characters'), z.string().max(200, 'an option id longer than 200 characters'))
      .refine((terms) => Object.keys(terms).length > 0, 'a package names one option for each issue'),
  })
  .strict();

export type InputOutcome = { played: true; said: string } | { played: false; message: string };

/** Plays one line of input on the session, or says why it cannot be played (the session is then unchanged). */
export function playInput(session: Session, snap: SessionSnapshot, text: string): InputOutcome {
  const answer = text.trim();
  if (answer.startsWith('{')) return proposeFrom(session, answer);
  // A number picks a choice by its position on screen.
  const byNumber = /^\d+$/.test(answer) ? snap.choices[Number(answer) - 1]?.id : undefined;
  const id = byNumber ?? answer;
  if (id === '') return { played: false, message: 'an empty line; send a choice id' };
  try {
    session.choose(id);
  } catch (e) {
    if (e instanceof UnknownChoiceError) return { played: false, message: clip(e.message) };
    throw e;
  }
  return { played: true, said: snap.choices.find((c) => c.id === id)?.text ?? id };
}

function proposeFrom(session: Session, json: string): InputOutcome {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { played: false, message: 'that line is not valid JSON; send a choice id or {"propose":{"issue":"option",...}}' };
  }
  const parsed = ProposeMessage.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : 'the message';
    return { played: false, message: clip(`a package is {"propose":{"issue":"option",...}} (${where}: ${issue.message})`) };
  }
  const terms = parsed.data.propose;
  const issues = session.compiled.scenario.issues.map((i) => i.id);
  const unknown = Object.keys(terms).find((k) => !issues.includes(k));
  if (unknown !== undefined) return { played: false, message: clip(`no issue "${unknown}" in this scenario; issues: ${issues.join(', ')}`) };
  try {
    session.propose(terms);
  } catch (e) {
    if (e instanceof UnknownChoiceError) return { played: false, message: 'a package cannot be proposed at this point; send a choice id' };
    // A package naming no option of an issue (encodePackage) is the sender's mistake; anything else is a bug.
    if (e instanceof Error && e.constructor === Error) return { played: false, message: clip(e.message) };
    throw e;
  }
  return {
    played: true,
    said: `Proposed: ${Object.entries(terms)
      .map(([issue, option]) => `${issue} ${option}`)
      .join(', ')}`,
  };
}

/** Error messages echo what was sent; keep an echoed id from making the message itself huge. */
function clip(message: string): string {
  return message.length > 600 ? `${message.slice(0, 600)}...` : message;
}
