import type { CompiledScenario } from '../persona/compile.ts';
import { PersonaStepper, type StepState } from '../persona/stepper.ts';
import { availableChoices } from '../persona/rules.ts';
import { formatValue } from '../format.ts';
import type { Outcome } from '../vocabulary.ts';
import type { Move } from '../attempt-record.ts';
import { archetype } from './archetypes.ts';
import { botRandom, playPolicy, type PlayedGame } from './policy-play.ts';

/**
 * The counterfactual debrief: for the turns that mattered most, the best other choice the rep had at
 * that turn and what it would have changed. The engine is deterministic, so each alternative is played
 * for real: the record's moves up to that turn, the other choice, then the best of the disciplined
 * continuations. The choice actually made is played on the same way, so the difference is the choice's own.
 */

export interface KeyMoment {
  /** The decision, numbered as the transcript numbers turns. */
  turn: number;
  chosen: { id: string; text: string };
  better: { id: string; text: string };
  /** How much more the outcome would have been worth (the deal's value, or the walk-away without one). */
  valueDelta: number;
  scoreDelta: number;
  /** How each line of play ends when continued the same disciplined way. */
  chosenOutcome: Outcome;
  betterOutcome: Outcome;
}

export interface KeyMomentOptions {
  /** At most this many moments (the ones that mattered most). */
  max?: number;
}

/**
 * The policies that play on after a turn: what a disciplined negotiator would do from there. Each line
 * of play is continued by each, and the better ending counts (the best continuation we know).
 */
const CONTINUATIONS = [archetype('disciplined').policy, archetype('strong-signal').policy];

/** A moment worth showing changes the outcome by at least this share of the walk-away-to-target zone, or the score by this many points. */
const MIN_VALUE_SHARE = 0.02;
const MIN_SCORE = 3;

export function keyMoments(c: CompiledScenario, personaId: string, seed: number, record: readonly Move[], options: KeyMomentOptions = {}): KeyMoment[] {
  // Proposed packages are replayed by the session only; the moments stop before the first of them.
  const firstPackage = record.findIndex((m) => typeof m !== 'string');
  const moves = (firstPackage < 0 ? record : record.slice(0, firstPackage)) as readonly string[];
  const max = options.max ?? 3;
  const stepper = new PersonaStepper(c, { record: false });
  const zone = Math.max(1, c.scenario.target - c.scenario.walkAway);
  // The state before every decision of the record.
  const before: StepState[] = [];
  let s: StepState | null = stepper.start({ personaId, seed });
  for (const id of moves) {
    if (!s || s.done) break;
    before.push(s);
    s = stepper.choose(s, id);
  }
  if (!s) return [];

  const playOn = (from: StepState, played: string[]): PlayedGame => {
    let best: PlayedGame | null = null;
    for (const policy of CONTINUATIONS) {
      const g = playPolicy(stepper, c, from, policy, botRandom(seed), { seed, moves: played });
      if (!best || g.worth > best.worth || (g.worth === best.worth && g.score.total > best.score.total)) best = g;
      if (from.done) break;
    }
    return best!;
  };
  const found: (KeyMoment & { weight: number })[] = [];
  before.forEach((state, i) => {
    const chosenId = moves[i]!;
    const chosenNext = stepper.choose(state, chosenId);
    if (!chosenNext) return;
    const prefix = moves.slice(0, i + 1);
    const chosen = playOn(chosenNext, prefix);
    let best: { game: PlayedGame; id: string; weight: number } | null = null;
    for (const alt of availableChoices(c, state.context.model)) {
      if (alt.id === chosenId) continue;
      const next = stepper.choose(state, alt.id);
      if (!next) continue;
      const game = playOn(next, [...moves.slice(0, i), alt.id]);
      const dv = game.worth - chosen.worth;
      const ds = game.score.total - chosen.score.total;
      // Better means a better outcome that does not cost score, or a clearly better score at no loss of value.
      if (dv < 0 || ds < 0) continue;
      if (dv < MIN_VALUE_SHARE * zone && ds < MIN_SCORE) continue;
      const weight = (dv / zone) * 100 + ds;
      if (!best || weight > best.weight) best = { game, id: alt.id, weight };
    }
    if (!best) return;
    const text = (id: string) => c.choices.get(id)?.text ?? id;
    found.push({
      turn: state.context.model.turn + 1,
      chosen: { id: chosenId, text: text(chosenId) },
      better: { id: best.id, text: text(best.id) },
      valueDelta: round1(best.game.worth - chosen.worth),
      scoreDelta: best.game.score.total - chosen.score.total,
      chosenOutcome: chosen.outcome,
      betterOutcome: best.game.outcome,
      weight: best.weight,
    });
  });
  return found
    .sort((a, b) => b.weight - a.weight || a.turn - b.turn)
    .slice(0, max)
    .sort((a, b) => a.turn - b.turn)
    .map(({ weight: _, ...m }) => m);
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * What a key moment says to the rep, in one sentence. Amounts are in the scenario's unit (money only
 * where the scenario's values are money). Shared by the terminal, the browser and every other front end.
 */
export function keyMomentText(m: KeyMoment, unit: string): string {
  const had = `At turn ${m.turn}, "${m.better.text}" instead of "${m.chosen.text}"`;
  const amount = formatValue(Math.abs(m.valueDelta), unit);
  const points = `${m.scoreDelta} more point${m.scoreDelta === 1 ? '' : 's'}`;
  if (m.valueDelta <= 0) return `${had} would have ended with the same value and ${points}.`;
  const score = m.scoreDelta > 0 ? ` and ${points}` : '';
  if (m.betterOutcome === 'deal') return `${had} would have ended with a better deal${score}: worth about ${amount} more to you.`;
  return `${had} would have kept your alternative${score}: worth about ${amount} more to you than the deal you signed.`;
}

/** The short form for tight layouts: what the better move would have changed ("about $90K more, 14 more points"). */
export function keyMomentEffect(m: KeyMoment, unit: string): string {
  const parts: string[] = [];
  if (m.valueDelta > 0) parts.push(`${m.betterOutcome === 'deal' ? 'a deal' : 'your alternative'} worth about ${formatValue(m.valueDelta, unit)} more`);
  if (m.scoreDelta > 0) parts.push(`${m.scoreDelta} more point${m.scoreDelta === 1 ? '' : 's'}`);
  return parts.join(', ');
}
