import { z } from 'zod';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { AttemptRecordSchema, type AttemptRecord } from '../attempt-record.ts';
import { replayAttempt } from '../attempt.ts';
import type { CompiledScenario } from '../persona/compile.ts';
import type { Session, SessionResult } from '../session.ts';
import { DIMENSIONS, type DimensionId } from '../scoring/dimensions.ts';
import { ANTI_PATTERN_IDS, OUTCOMES, type AntiPatternId, type Outcome } from '../vocabulary.ts';
import type { Grade } from '../scoring/score.ts';

/**
 * One finished negotiation in a rep's practice record: the attempt record (the truth), a cached summary
 * of its result for fast screens (rebuilt by replay whenever it is opened or disagrees), when it was
 * played, and which attempt it retries.
 */
export interface ResultSummary {
  outcome: Outcome;
  total: number;
  grade: Grade;
  /** Each dimension as a share of its maximum, 0..100, so scenarios with other weights compare. */
  dimensions: Record<DimensionId, number>;
  antiPatterns: { id: AntiPatternId; turn: number }[];
}

export interface RecordEntry {
  /** Stable across devices: derived from the record and the time it was played (merging keys on it). */
  id: string;
  attempt: AttemptRecord;
  summary: ResultSummary;
  playedAt: string;
  /** The entry this one retries ("try again from turn N"). */
  retryOf?: string;
  retryFromTurn?: number;
}

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

export const RecordEntrySchema = z
  .object({
    id: z.string().regex(/^[0-9a-f]{16,64}$/, 'an entry id (hex digits)'),
    attempt: AttemptRecordSchema,
    summary: ResultSummarySchema,
    playedAt: z.iso.datetime({ message: 'a date and time (ISO 8601)' }),
    retryOf: z
      .string()
      .regex(/^[0-9a-f]{16,64}$/)
      .optional(),
    retryFromTurn: z.number().int().min(0).max(400).optional(),
  })
  .strict();

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
  if (JSON.stringify(summary) === JSON.stringify(entry.summary)) return { kind: 'ok', session, result };
  return { kind: 'corrected', session, result, entry: { ...entry, summary } };
}
