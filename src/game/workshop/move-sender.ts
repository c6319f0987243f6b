import type { Move, Session } from '../../engine/index.ts';
import { RoomClient, RoomRequestError } from '../../server/client.ts';

export type SenderStatus =
  | { kind: 'saved'; moves: number }
  | { kind: 'sending' }
  | { kind: 'offline'; retryInMs: number }
  | { kind: 'verified'; score: number }
  | { kind: 'refused'; message: string };

/**
 * Sends a rep's moves to the room, in order, each with its place in the record (seq). A lost network
 * is retried with a growing pause; the server recognises a resent move, so nothing is played twice.
 * When the game is over it reports the result, which the server checks against its own replay.
 */
export class MoveSender {
  private readonly client: RoomClient;
  private readonly code: string;
  private readonly token: string;
  private readonly onStatus: (s: SenderStatus) => void;
  /** Moves acknowledged by the server. */
  private acked: number;
  private queue: { seq: number; move: Move }[] = [];
  private claim: { outcome: 'deal' | 'walked-away' | 'counterpart-walked'; value: number; score: number } | null = null;
  private running = false;
  private stopped = false;

  constructor(o: { client: RoomClient; code: string; token: string; acked: number; onStatus: (s: SenderStatus) => void }) {
    this.client = o.client;
    this.code = o.code;
    this.token = o.token;
    this.acked = o.acked;
    this.onStatus = o.onStatus;
  }

  /** Queues every move of the session the server has not acknowledged yet (and the result, once over). */
  sync(session: Session): void {
    const moves = session.moves;
    const queued = this.acked + this.queue.length;
    for (let i = queued; i < moves.length; i++) this.queue.push({ seq: i + 1, move: moves[i]! });
    const r = session.result();
    if (r && !this.claim) this.claim = { outcome: r.outcome, value: r.value, score: r.score.total };
    void this.drain();
  }

  stop(): void {
    this.stopped = true;
  }

  private async drain(): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = true;
    let pause = 500;
    try {
      while (!this.stopped && (this.queue.length || this.claim)) {
        this.onStatus({ kind: 'sending' });
        try {
          const next = this.queue[0];
          if (next) {
            await this.client.move(this.code, this.token, next);
            this.queue.shift();
            this.acked = next.seq;
          } else if (this.claim) {
            const ack = await this.client.result(this.code, this.token, this.claim);
            this.claim = null;
            this.stopped = true;
            this.onStatus({ kind: 'verified', score: Number(ack.summary['score']) });
            return;
          }
          pause = 500;
        } catch (e) {
          if (e instanceof RoomRequestError && (e.status === 0 || e.status === 429 || e.status >= 500)) {
            this.onStatus({ kind: 'offline', retryInMs: pause });
            await new Promise((r) => setTimeout(r, pause));
            pause = Math.min(8000, pause * 2);
            continue;
          }
          this.stopped = true;
          this.onStatus({ kind: 'refused', message: (e as Error).message });
          return;
        }
      }
      if (!this.stopped) this.onStatus({ kind: 'saved', moves: this.acked });
    } finally {
      this.running = false;
    }
  }
}
