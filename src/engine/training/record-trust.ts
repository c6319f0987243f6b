import { DIMENSIONS } from '../scoring/dimensions.ts';
import { ANTI_PATTERN_IDS, OUTCOMES } from '../vocabulary.ts';
import type { RecordEntry, ResultSummary, StoredEntry } from './record-types.ts';

/**
 * Which cached summaries of the practice record the screens may use. No schema library here: the game
 * checks every entry it reads at start-up, before the engine (and Zod) has loaded.
 */

/**
 * Version of how a result is scored and summarized. Bump it when scoring or the summary changes: every
 * cached summary with another stamp is then set aside and rebuilt by replay, never shown.
 * tests/engine/training/record-cache.test.ts pins the summaries of a fixed week of games so a change
 * in scoring cannot go unnoticed.
 */
export const RESULT_VERSION = 1;

/** Whether a value has the shape of a ResultSummary (a cheap check for what storage hands back). */
export function isResultSummary(value: unknown): value is ResultSummary {
  if (!value || typeof value !== 'object') return false;
  const s = value as Partial<Record<keyof ResultSummary, unknown>>;
  const percent = (x: unknown) => typeof x === 'number' && x >= 0 && x <= 100;
  return (
    typeof s.outcome === 'string' &&
    (OUTCOMES as readonly string[]).includes(s.outcome) &&
    percent(s.total) &&
    typeof s.grade === 'string' &&
    ['A', 'B', 'C', 'D', 'F'].includes(s.grade) &&
    !!s.dimensions &&
    typeof s.dimensions === 'object' &&
    DIMENSIONS.every((d) => percent((s.dimensions as Record<string, unknown>)[d])) &&
    Array.isArray(s.antiPatterns) &&
    s.antiPatterns.every((a: unknown) => !!a && typeof a === 'object' && (ANTI_PATTERN_IDS as readonly unknown[]).includes((a as { id?: unknown }).id))
  );
}

/**
 * The entry as the screens may use it: when its summary was made by this version of the engine and
 * is whole. Null otherwise (missing, older, damaged): the entry waits to be scored by replay.
 */
export function trustedEntry(stored: StoredEntry): RecordEntry | null {
  if (stored.summaryVersion !== RESULT_VERSION || !isResultSummary(stored.summary)) return null;
  return stored as RecordEntry;
}
