import { createInterface } from 'node:readline';
import { Session, UnknownChoiceError, type SessionResult, type SessionSnapshot } from '../engine/index.ts';
import { keyMoments, type KeyMoment } from '../engine/analysis/key-moments.ts';
import { formatDebrief, formatTurn } from './debrief-text.ts';
import { resolveScenario, UsageError } from './scenario-files.ts';
import type { Io } from './io.ts';

export interface PlayOptions {
  scenario: string;
  persona?: string;
  seed: number;
  jsonl: boolean;
  choices?: string[];
}

/** One line of input at a time, from a fixed list or from stdin. */
type NextLine = () => Promise<string | null>;

function stdinLines(): NextLine {
  const rl = createInterface({ input: process.stdin, terminal: false });
  const it = rl[Symbol.asyncIterator]();
  return async () => {
    const r = await it.next();
    if (r.done) {
      rl.close();
      return null;
    }
    return r.value;
  };
}

function listLines(choices: string[]): NextLine {
  let i = 0;
  return async () => (i < choices.length ? choices[i++]! : null);
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

/** `moments`: the counterfactual key moments (`keyMoments` of the finished session). */
export function resultMessage(r: SessionResult, moments: KeyMoment[] = []) {
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
    keyMoments: moments,
  };
}

/** `walkaway play`: in the terminal for people, or as a JSON-lines protocol for bots (`--jsonl`). */
export async function playCommand(o: PlayOptions, io: Io): Promise<number> {
  const { scenario } = resolveScenario(o.scenario);
  const personaId = o.persona ?? scenario.personas[0]!.id;
  if (!scenario.personas.some((p) => p.id === personaId)) {
    throw new UsageError(`no persona "${personaId}" in ${scenario.id}; personas: ${scenario.personas.map((p) => p.id).join(', ')}`);
  }
  const session = Session.create(scenario, personaId, o.seed);
  const next = o.choices ? listLines(o.choices) : stdinLines();
  const persona = scenario.personas.find((p) => p.id === personaId)!;

  if (!o.jsonl) {
    io.out(`${scenario.title}: you are the ${scenario.role.toLowerCase()}; across the table, ${persona.name}, ${persona.title}.`);
    for (const p of scenario.briefing.situation) io.out(p);
    io.out('Your facts: ' + scenario.briefing.facts.join(' '));
    if (!o.choices) io.out('(Answer with the number or the id of a choice.)');
  }

  while (!session.isOver()) {
    const snap = session.snapshot();
    if (o.jsonl) io.out(JSON.stringify(turnMessage(snap)));
    else for (const l of formatTurn(snap)) io.out(l);
    const input = await next();
    if (input === null) {
      const message = o.choices ? 'the choice list ended before the negotiation did' : 'input ended before the negotiation did';
      if (o.jsonl) io.out(JSON.stringify({ type: 'error', message }));
      else io.err(message);
      return 1;
    }
    const answer = input.trim();
    const byNumber = /^\d+$/.test(answer) ? snap.choices[Number(answer) - 1]?.id : undefined;
    try {
      session.choose(byNumber ?? answer);
      if (!o.jsonl && o.choices) io.out(`> ${snap.choices.find((c) => c.id === (byNumber ?? answer))?.text}`);
    } catch (e) {
      if (!(e instanceof UnknownChoiceError)) throw e;
      if (o.jsonl) io.out(JSON.stringify({ type: 'error', message: e.message }));
      else io.err(e.message);
      if (o.choices) return 1;
    }
  }
  const result = session.result()!;
  const moments = keyMoments(session.compiled, session.personaId, session.seed, session.moves);
  if (o.jsonl) io.out(JSON.stringify(resultMessage(result, moments)));
  else {
    const last = session.snapshot();
    if (last.line) io.out(`\n${last.speaker}: "${last.line}"`);
    for (const l of formatDebrief(result, moments)) io.out(l);
  }
  return 0;
}
