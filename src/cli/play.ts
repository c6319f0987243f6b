import { Session, type AttemptMode, type SessionResult, type SessionSnapshot } from '../engine/index.ts';
import { formatDebrief, formatTurn } from './debrief-text.ts';
import { readLines, type InputLine, type LineReader } from './line-reader.ts';
import { playInput } from './player-input.ts';
import { resolveScenario, UsageError } from './scenario-files.ts';
import type { Io } from './io.ts';

export interface PlayOptions {
  scenario: string;
  persona?: string;
  seed: number;
  mode?: AttemptMode;
  jsonl: boolean;
  choices?: string[];
}

function listLines(choices: string[]): LineReader {
  let i = 0;
  return {
    next: async (): Promise<InputLine | null> => (i < choices.length ? { text: choices[i++]! } : null),
    close: () => {},
  };
}

export function turnMessage(s: SessionSnapshot) {
  return {
    type: 'turn',
    turn: s.turn + 1,
    phase: s.phase,
    stage: s.stage,
    mood: s.mood,
    speaker: s.speaker,
    line: s.line,
    hint: s.hint,
    terms: s.terms,
    value: s.value,
    walkAwayValue: s.walkAwayValue,
    target: s.target,
    choices: s.choices.map((c) => ({ id: c.id, text: c.text, tags: c.tags })),
  };
}

export function resultMessage(r: SessionResult) {
  return {
    type: 'result',
    outcome: r.outcome,
    value: r.value,
    walkAwayValue: r.walkAwayValue,
    target: r.target,
    bestOffer: r.bestOffer,
    score: r.score,
    antiPatterns: r.antiPatterns.map((a) => ({ id: a.id, turn: a.turn, principle: a.principle })),
    offers: r.offers,
    transcript: r.transcript,
  };
}

/** The JSONL result line: the result, and the attempt record that rebuilds it (`walkaway replay`). */
export function resultLine(session: Session) {
  return { ...resultMessage(session.result()!), attempt: session.attempt() };
}

/** How a finished game ends in the terminal: the last words said, then the debrief. */
export function finalText(session: Session): string[] {
  const last = session.snapshot();
  return [...(last.line ? [`\n${last.speaker}: "${last.line}"`] : []), ...formatDebrief(session.result()!)];
}

/** `walkaway play`: in the terminal for people, or as a JSON-lines protocol for bots (`--jsonl`). */
export async function playCommand(o: PlayOptions, io: Io): Promise<number> {
  const { scenario } = resolveScenario(o.scenario);
  const personaId = o.persona ?? scenario.personas[0]!.id;
  const persona = scenario.personas.find((p) => p.id === personaId);
  if (!persona) {
    throw new UsageError(`no persona "${personaId}" in ${scenario.id}; personas: ${scenario.personas.map((p) => p.id).join(', ')}`);
  }
  const session = Session.create(scenario, personaId, o.seed, o.mode ?? 'practice');

  if (!o.jsonl) {
    io.out(`${scenario.title}: you are the ${scenario.role.toLowerCase()}; across the table, ${persona.name}, ${persona.title}.`);
    for (const p of scenario.briefing.situation) io.out(p);
    io.out('Your facts: ' + scenario.briefing.facts.join(' '));
    if (!o.choices) io.out('(Answer with the number or the id of a choice.)');
  }

  const input = o.choices ? listLines(o.choices) : readLines(process.stdin);
  try {
    const refuse = (message: string) => (o.jsonl ? io.out(JSON.stringify({ type: 'error', message })) : io.err(message));
    while (!session.isOver()) {
      const snap = session.snapshot();
      if (o.jsonl) io.out(JSON.stringify(turnMessage(snap)));
      else for (const l of formatTurn(snap)) io.out(l);
      const line = await input.next();
      if (line === null) {
        refuse(o.choices ? 'the choice list ended before the negotiation did' : 'input ended before the negotiation did');
        return 1;
      }
      const played = 'problem' in line ? { played: false as const, message: line.problem } : playInput(session, snap, line.text);
      if (!played.played) {
        refuse(played.message);
        if (o.choices) return 1;
      } else if (!o.jsonl && o.choices) io.out(`> ${played.said}`);
    }
    if (o.jsonl) io.out(JSON.stringify(resultLine(session)));
    else for (const l of finalText(session)) io.out(l);
    return 0;
  } finally {
    // Done with the input: a bot that keeps its end of the pipe open must not keep this process alive.
    input.close();
  }
}
