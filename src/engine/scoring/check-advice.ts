import type { CompiledScenario } from '../persona/compile.ts';
import type { AttemptRecord } from '../attempt-record.ts';
import { replayAttempt } from '../attempt.ts';
import type { ChoiceView, SessionResult } from '../session.ts';
import type { AntiPatternId } from '../vocabulary.ts';
import type { CheckId } from './checks.ts';
import { isEscalationBeat } from '../persona/rules/common.ts';

/**
 * What to do about a failed check: the turns where it was lost and a better move the rep had at one of
 * them, read from the game itself (the record replayed turn by turn). A check lost by something the rep
 * did names the turns of those moves; a check lost by something never done names the turns where the
 * better move was on offer and not taken.
 */
export interface CheckAdvice {
  /** Turns as the transcript numbers them (at most three, earliest first). */
  turns: number[];
  /** A move that was on offer at the first of those turns and would have served the check. */
  better: { turn: number; text: string } | null;
}

interface Turn {
  turn: number;
  beat: string;
  phase: 'prep' | 'negotiation';
  chosen: { id: string; tags: readonly string[] };
  offered: readonly ChoiceView[];
}

interface AdviceRule {
  /** Moves that lose the check. */
  bad?: (tags: ReadonlySet<string>) => boolean;
  /** Anti-patterns whose turns lose the check (claims are bluffs only when no fact backs them). */
  antiPatterns?: readonly AntiPatternId[];
  /** Moves that would have served it. */
  good: (choice: ChoiceView, c: CompiledScenario) => boolean;
  phase?: 'prep' | 'negotiation';
  /** Only turns before the first move with this tag count (for a check about what came first). */
  beforeFirst?: string;
  /** Only turns at these beats count (for a check about one kind of moment). */
  at?: (c: CompiledScenario, attempt: AttemptRecord, beat: string) => boolean;
}

const has =
  (...tags: string[]) =>
  (t: ReadonlySet<string>) =>
    tags.some((x) => t.has(x));
const tagged =
  (...tags: string[]) =>
  (choice: ChoiceView) =>
    tags.some((x) => choice.tags.includes(x));
const effect = (c: CompiledScenario, id: string) => c.choices.get(id)?.effect;
const holdOrTrade = tagged('hold', 'trade', 'walk-to');
const dealMoves = has('accept', 'concede');

const RULES: Record<CheckId, AdviceRule> = {
  'no-loss': { bad: dealMoves, antiPatterns: ['deal-below-walk-away'], good: holdOrTrade, phase: 'negotiation' },
  'zone-share': { bad: dealMoves, good: holdOrTrade, phase: 'negotiation' },
  target: { bad: dealMoves, good: holdOrTrade, phase: 'negotiation' },
  'gives-traded': { antiPatterns: ['concession-without-trade'], bad: (t) => t.has('concede') && !t.has('trade'), good: tagged('trade', 'hold') },
  held: { bad: has('concede', 'batna:weak', 'pace:panic'), good: holdOrTrade },
  'few-free-gives': { antiPatterns: ['concession-without-trade'], bad: (t) => t.has('concede') && !t.has('trade'), good: tagged('trade', 'hold') },
  'never-trade-kept': { antiPatterns: ['signed-never-trade'], good: holdOrTrade, phase: 'negotiation' },
  'escalation-held': {
    bad: (t) => t.has('concede') && !t.has('trade'),
    good: tagged('trade', 'hold', 'batna:strong'),
    phase: 'negotiation',
    at: (c, attempt, beat) => {
      const persona = c.personas.get(attempt.personaId);
      return persona !== undefined && isEscalationBeat(persona, beat);
    },
  },
  'showed-strength': { good: tagged('batna:strong'), phase: 'negotiation' },
  'no-bluff': { antiPatterns: ['bluffing'], good: tagged('batna:strong', 'ask:batna', 'hold'), phase: 'negotiation' },
  'claims-held': { antiPatterns: ['bluffing'], bad: has('claim:alternative'), good: tagged('hold', 'ask:batna'), phase: 'negotiation' },
  'no-threat': { antiPatterns: ['threatening'], bad: has('threat'), good: tagged('batna:strong', 'hold'), phase: 'negotiation' },
  'revealed-late': { bad: has('batna:strong', 'claim:alternative'), good: tagged('ask:batna'), phase: 'negotiation', beforeFirst: 'ask:batna' },
  'no-desperation': {
    antiPatterns: ['revealing-desperation'],
    bad: has('batna:weak'),
    good: tagged('hold', 'pace:pause', 'batna:strong'),
    phase: 'negotiation',
  },
  'deadline-kept': { antiPatterns: ['end-of-quarter-panic'], bad: has('pace:panic'), good: tagged('pace:pause', 'hold'), phase: 'negotiation' },
  asked: { good: tagged('ask:batna'), phase: 'negotiation' },
  'uncovered-half': { good: tagged('ask:batna'), phase: 'negotiation' },
  'uncovered-all': { good: tagged('ask:batna'), phase: 'negotiation' },
  'tested-claims': { good: tagged('test:claim'), phase: 'negotiation' },
  trust: {
    bad: has('threat', 'claim:alternative'),
    antiPatterns: ['threatening', 'bluffing'],
    good: tagged('hold', 'trade', 'ask:batna'),
    phase: 'negotiation',
  },
  'no-precedent': { bad: has('accept', 'concede'), good: holdOrTrade, phase: 'negotiation' },
  'no-delivery-load': { bad: has('accept', 'concede'), good: holdOrTrade, phase: 'negotiation' },
  'prep-strengthened': { good: (ch, c) => (effect(c, ch.id)?.batna ?? 0) > 0, phase: 'prep' },
  threads: { antiPatterns: ['single-threaded'], good: (ch, c) => effect(c, ch.id)?.threads === true, phase: 'prep' },
  'prep-complete': { good: (ch, c) => effect(c, ch.id) !== undefined, phase: 'prep' },
};

/** The turns of a game with what was offered at each and what was chosen. */
function turnsOf(c: CompiledScenario, attempt: AttemptRecord, result: SessionResult): Turn[] {
  let session = replayAttempt(c, { ...attempt, moves: [] });
  const turns: Turn[] = [];
  attempt.moves.forEach((move, i) => {
    const before = session.snapshot();
    const entry = result.transcript[i];
    // A proposed package is replayed as the record holds it.
    if (typeof move === 'string') session.choose(move);
    else session = replayAttempt(c, { ...attempt, moves: attempt.moves.slice(0, i + 1) });
    if (!entry) return;
    turns.push({ turn: entry.turn, beat: entry.beat, phase: before.phase, chosen: { id: entry.choice.id, tags: entry.choice.tags }, offered: before.choices });
  });
  return turns;
}

/** Advice for every failed check of a finished game. */
export function checkAdvice(c: CompiledScenario, attempt: AttemptRecord, result: SessionResult): Partial<Record<CheckId, CheckAdvice>> {
  const failed = Object.values(result.score.dimensions).flatMap((d) => d.checks.filter((k) => !k.passed).map((k) => k.id));
  if (!failed.length) return {};
  const turns = turnsOf(c, attempt, result);
  const out: Partial<Record<CheckId, CheckAdvice>> = {};
  for (const id of failed) {
    const rule = RULES[id];
    const first = rule.beforeFirst ? turns.find((t) => t.chosen.tags.includes(rule.beforeFirst!))?.turn : undefined;
    const inPhase = turns.filter(
      (t) => (!rule.phase || t.phase === rule.phase) && (!rule.at || rule.at(c, attempt, t.beat)) && (first === undefined || t.turn < first),
    );
    const fromPatterns = result.antiPatterns.filter((a) => rule.antiPatterns?.includes(a.id)).map((a) => a.turn);
    const fromMoves = rule.bad ? inPhase.filter((t) => rule.bad!(new Set(t.chosen.tags))).map((t) => t.turn) : [];
    let lost = [...new Set(fromPatterns.length ? fromPatterns : fromMoves)].sort((a, b) => a - b);
    const betterAt = (t: Turn) => t.offered.find((ch) => ch.id !== t.chosen.id && rule.good(ch, c)) ?? null;
    if (!lost.length) {
      // Lost by what was never done: the turns where the move that serves it was on offer.
      lost = inPhase.filter((t) => betterAt(t) && !rule.good({ id: t.chosen.id, text: '', tags: [...t.chosen.tags] }, c)).map((t) => t.turn);
    }
    lost = lost.slice(0, 3);
    let better: CheckAdvice['better'] = null;
    for (const n of lost) {
      const t = turns.find((x) => x.turn === n);
      const alt = t ? betterAt(t) : null;
      if (alt) {
        better = { turn: n, text: alt.text };
        break;
      }
    }
    out[id] = { turns: lost, better };
  }
  return out;
}

/** The advice in one sentence, for the debrief and the terminal. */
export function checkAdviceText(a: CheckAdvice | undefined): string {
  if (!a || (!a.turns.length && !a.better)) return 'No single turn decided this: it is about the whole negotiation.';
  const where = a.turns.length ? `Turn${a.turns.length > 1 ? 's' : ''} ${a.turns.join(', ')}` : '';
  const better = a.better ? `better at turn ${a.better.turn}: "${a.better.text}"` : 'no better move was on offer there; prepare differently';
  return where ? `${where}; ${better}.` : `${better[0]!.toUpperCase()}${better.slice(1)}.`;
}
