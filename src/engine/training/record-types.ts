import type { AttemptRecord } from '../attempt-record.ts';
import type { DimensionId } from '../scoring/dimensions.ts';
import type { Grade } from '../scoring/score.ts';
import type { AntiPatternId, Outcome } from '../vocabulary.ts';

/**
 * One finished negotiation in a rep's practice record: the attempt record (the truth), a cached summary
 * of its result for fast screens (made by this engine, stamped with RESULT_VERSION, rebuilt by replay
 * whenever it is opened or disagrees), when it was played, and which attempt it retries.
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
  /** The RESULT_VERSION the summary was made with. */
  summaryVersion: number;
  playedAt: string;
  /** The entry this one retries ("try again from turn N"). */
  retryOf?: string;
  retryFromTurn?: number;
}

/** An entry whose summary may be missing, of an older version or damaged (storage, a file). */
export type StoredEntry = Omit<RecordEntry, 'summary' | 'summaryVersion'> & { summary?: unknown; summaryVersion?: unknown };
