import { DEFAULT_WEIGHTS, DIMENSIONS, DIMENSION_LABELS, type DimensionId } from '../scoring/dimensions.ts';
import { chronological, RECENT_GAMES } from './progress.ts';
import type { RecordEntry } from './record-entry.ts';

/** A scenario and persona a rep could play next, with what its scoring stresses. */
export interface TrainingOption {
  scenarioId: string;
  scenarioTitle: string;
  personaId: string;
  personaName: string;
  difficulty: number;
  weights?: Partial<Record<DimensionId, number>> | undefined;
}

export interface Suggestion {
  scenarioId: string;
  personaId: string;
  dimension: DimensionId;
  /** Why this one, in a sentence the progress screen shows. */
  reason: string;
}

/** A persona is "handled" once the rep's best there reaches this; the next level up is where they learn. */
const HANDLED = 70;

/**
 * "Practise this next": the weakest dimension over the recent games, and the scenario and persona that
 * train it best. Among the options, prefer the ones whose scoring weighs that dimension most, where the
 * rep did worst on it, and whose difficulty is one step above what the rep already handles. Null with
 * no games yet (the learning path says where to start).
 */
export function suggestNext(entries: readonly RecordEntry[], options: readonly TrainingOption[]): Suggestion | null {
  if (entries.length === 0 || options.length === 0) return null;
  const games = chronological(entries);
  const recent = games.slice(-RECENT_GAMES);
  const avg = (list: readonly RecordEntry[], d: DimensionId) => list.reduce((a, e) => a + e.summary.dimensions[d], 0) / Math.max(1, list.length);
  const weakest = [...DIMENSIONS].sort((a, b) => avg(recent, a) - avg(recent, b) || DIMENSIONS.indexOf(a) - DIMENSIONS.indexOf(b))[0]!;

  const handled = Math.max(0, ...options.filter((o) => bestOn(games, o) >= HANDLED).map((o) => o.difficulty));
  const level = handled + 1;
  let best: { option: TrainingOption; value: number } | null = null;
  for (const option of options) {
    const weights = { ...DEFAULT_WEIGHTS, ...option.weights };
    const sum = DIMENSIONS.reduce((a, d) => a + weights[d], 0) || 1;
    const stress = (100 * weights[weakest]) / sum;
    const played = games.filter((e) => e.attempt.scenarioId === option.scenarioId && e.attempt.personaId === option.personaId);
    // Where the rep struggled with this dimension is where it is trained; unplayed options sit in the middle.
    const struggle = played.length ? 100 - avg(played.slice(-RECENT_GAMES), weakest) : 50;
    const distance = Math.abs(option.difficulty - level);
    const value = stress + 0.3 * struggle - 12 * distance;
    if (!best || value > best.value + 1e-9) best = { option, value };
  }
  const o = best!.option;
  const label = DIMENSION_LABELS[weakest].toLowerCase();
  return {
    scenarioId: o.scenarioId,
    personaId: o.personaId,
    dimension: weakest,
    reason: `${DIMENSION_LABELS[weakest]} is your weakest part lately (${Math.round(avg(recent, weakest))}% over your last ${recent.length} games); ${o.personaName} (difficulty ${o.difficulty}) will make you work on ${label}.`,
  };
}

function bestOn(games: readonly RecordEntry[], o: TrainingOption): number {
  let best = -1;
  for (const e of games) if (e.attempt.scenarioId === o.scenarioId && e.attempt.personaId === o.personaId) best = Math.max(best, e.summary.total);
  return best;
}
