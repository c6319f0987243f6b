import type { AttemptRecord } from '../engine/index.ts';
import type { Queryable } from './db/database.ts';
import type { VerifiedSummary } from './verified.ts';

/** One verified move to store: the rep's whole record after it, stored only over the row it was played from. */
export interface MoveWrite {
  repId: string;
  code: string;
  /** The stored move count the move was played from; the row must still be at it. */
  fromMoveCount: number;
  record: AttemptRecord;
  over: boolean;
  summary: VerifiedSummary | null;
}

/**
 * Stores a move only if the row is still at the move count the session was rebuilt from (no other
 * process moved the rep on), the game is not over and the room has not ended; a row not returned was
 * not stored. Many moves go in one statement: what costs is the statement and its commit (on the
 * embedded database, the WAL written through the file system each time), not the rows.
 */
const STORE_MOVES = `UPDATE reps AS r
  SET record = m.record, move_count = m.move_count, over = m.over, summary = m.summary, updated_at = now()
  FROM jsonb_to_recordset($1::jsonb) AS m(id text, room_code text, from_count integer, move_count integer, over boolean, record jsonb, summary jsonb)
  WHERE r.id = m.id AND r.room_code = m.room_code AND r.move_count = m.from_count AND NOT r.over
    AND EXISTS (SELECT 1 FROM rooms WHERE code = m.room_code AND NOT ended)
  RETURNING r.id`;

/** Enough to take a whole room's burst in one statement, small enough to keep one statement short. */
const MOST_PER_STATEMENT = 250;

interface Waiting {
  write: MoveWrite;
  resolve: (stored: boolean) => void;
  reject: (e: Error) => void;
}

/**
 * Group commit for moves: one statement at a time, carrying every move that arrived while the one
 * before was being stored. A lone move waits for nothing but the end of the current turn of the event
 * loop (so moves that arrived together go together); under a burst the statements grow instead of
 * queueing one commit per move.
 */
export class MoveWriter {
  private readonly db: Queryable;
  private waiting: Waiting[] = [];
  private writing = false;
  private scheduled = false;

  constructor(db: Queryable) {
    this.db = db;
  }

  /** Resolves true once the move is stored, false when the row said no (see STORE_MOVES); rejects on a database error. */
  store(write: MoveWrite): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ write, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.writing || this.scheduled || !this.waiting.length) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.writing) return;
    // One move per rep in a statement: two for the same row could not both be told apart in its answer.
    const batch: Waiting[] = [];
    const later: Waiting[] = [];
    const reps = new Set<string>();
    for (const w of this.waiting) {
      if (batch.length < MOST_PER_STATEMENT && !reps.has(w.write.repId)) {
        reps.add(w.write.repId);
        batch.push(w);
      } else later.push(w);
    }
    this.waiting = later;
    if (!batch.length) return;
    this.writing = true;
    try {
      const rows = batch.map(({ write: w }) => ({
        id: w.repId,
        room_code: w.code,
        from_count: w.fromMoveCount,
        move_count: w.record.moves.length,
        over: w.over,
        record: w.record,
        summary: w.summary,
      }));
      const stored = new Set((await this.db.query<{ id: string }>(STORE_MOVES, [JSON.stringify(rows)])).map((r) => r.id));
      for (const w of batch) w.resolve(stored.has(w.write.repId));
    } catch (e) {
      for (const w of batch) w.reject(e as Error);
    } finally {
      this.writing = false;
      this.schedule();
    }
  }
}
