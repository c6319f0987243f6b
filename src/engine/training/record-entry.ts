import { z } from 'zod';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { AttemptRecordSchema, type AttemptRecord } from '../attempt-record.ts';
import { replayAttempt } from '../attempt.ts';
import type { CompiledScenario } from '../persona/compile.ts';
import type { Session, SessionResult } from '../session.ts';
import { DIMENSIONS, type DimensionId } from '../scoring/dimensions.ts';
import { ANTI_PATTERN_IDS, OUTCOMES } from '../vocabulary.ts';
import { RESULT_VERSION } from './record-trust.ts';
import type { RecordEntry, ResultSummary, StoredEntry } from './record-types.ts';

export { RESULT_VERSION, isResultSummary, trustedEntry } from './record-trust.ts';
export type { RecordEntry, ResultSummary, StoredEntry } from './record-types.ts';

const Percent = z.number().min(0).max(100);
export const ResultSummarySchema = z
  .object({
    outcome: z.enum(OUTCOMES),
    total: z.number().int().min(0).max(100),
    grade: z.enum(['A', 'B', 'C', 'D', 'F']),
    dimensions: z.object(Object.fromEntries(DIMENSIONS.map((d) => [d, Percent])) as Record<DimensionId, typeof Percent>).strict(),
    antiPatterns: z.array(z.object({ id: z.enum(ANTI_PATTERN_IDS), turn: z.number().int().min(0).max(1000) }).strict()).max(400),
  })
  .strict();

/**
 * A practice record entry as stored or carried in a file: the summary is optional and only a cache.
 * Nothing from outside is trusted as a result: an entry is scored here (by replay) before it counts.
 */
export const StoredEntrySchema = z
  .object({
    id: z.string().regex(/^[0-9a-f]{16,64}$/, 'an entry id (hex digits)'),
    attempt: AttemptRecordSchema,
    summary: ResultSummarySchema.optional(),
    summaryVersion: z.number().int().min(0).optional(),
    playedAt: z.iso.datetime({ message: 'a date and time (ISO 8601)' }),
    retryOf: z
      .string()
      .regex(/^[0-9a-f]{16,64}$/)
      .optional(),
    retryFromTurn: z.number().int().min(0).max(400).optional(),
  })
  .strict();

/**
 * Scores a stored entry by replaying its record: the entry with a fresh summary, or null when it does
 * not replay here (the scenario changed since or the record is damaged). What the summary said before
 * plays no part.
 */
export function scoreEntry(compiled: CompiledScenario, stored: StoredEntry): RecordEntry | null {
  let result: SessionResult | null;
  try {
    result = replayAttempt(compiled, stored.attempt).result();
  } catch {
    return null;
  }
  if (!result) return null;
  return { ...stored, summary: summarize(result), summaryVersion: RESULT_VERSION };
}

/** The summary the record caches for a finished negotiation. */
export function summarize(result: SessionResult): ResultSummary {
  const dimensions = {} as Record<DimensionId, number>;
  for (const d of DIMENSIONS) {
    const dim = result.score.dimensions[d];
    dimensions[d] = dim.max > 0 ? Math.round((1000 * dim.score) / dim.max) / 10 : 100;
  }
  return {
    outcome: result.outcome,
    total: result.score.total,
    grade: result.score.grade,
    dimensions,
    antiPatterns: result.antiPatterns.map((a) => ({ id: a.id, turn: a.turn })),
  };
}

export function entryId(attempt: AttemptRecord, playedAt: string): string {
  return bytesToHex(sha256(utf8ToBytes(`${playedAt}\n${JSON.stringify(attempt)}`))).slice(0, 24);
}

/** Makes the record entry for a finished session; throws if the negotiation is not over. */
export function entryFor(session: Session, playedAt: string, retry?: { of: string; fromTurn: number }): RecordEntry {
  const result = session.result();
  if (!result) throw new Error('only a finished negotiation goes into the practice record');
  const attempt = session.attempt();
  return {
    id: entryId(attempt, playedAt),
    attempt,
    summary: summarize(result),
    summaryVersion: RESULT_VERSION,
    playedAt,
    ...(retry ? { retryOf: retry.of, retryFromTurn: retry.fromTurn } : {}),
  };
}

/** What replaying an entry says about it. */
export type EntryCheck =
  | { kind: 'ok'; session: Session; result: SessionResult }
  /** The cached summary did not match the replay: the corrected entry should replace it. */
  | { kind: 'corrected'; session: Session; result: SessionResult; entry: RecordEntry }
  /** The scenario changed since (by fingerprint) or the record no longer replays: keep the cache, say why. */
  | { kind: 'stale'; reason: string };

/**
 * Rebuilds an entry by replaying its record through the engine. The replay is the truth: a cached
 * summary that disagrees is replaced, and a record that no longer replays keeps its cached summary with
 * the reason (usually "the scenario has changed since this game was played").
 */
export function checkEntry(compiled: CompiledScenario, entry: RecordEntry): EntryCheck {
  let session: Session;
  try {
    session = replayAttempt(compiled, entry.attempt);
  } catch (e) {
    return { kind: 'stale', reason: (e as Error).message };
  }
  const result = session.result();
  if (!result) return { kind: 'stale', reason: 'the record stops before the negotiation ended' };
  const summary = summarize(result);
  if (entry.summaryVersion === RESULT_VERSION && JSON.stringify(summary) === JSON.stringify(entry.summary)) return { kind: 'ok', session, result };
  return { kind: 'corrected', session, result, entry: { ...entry, summary, summaryVersion: RESULT_VERSION } };
}
