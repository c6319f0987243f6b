import type { Database } from './db/database.ts';

const CHANNEL = 'walkaway_rooms';

/**
 * Live updates: "room X changed" travels through the database's NOTIFY, so a projector connected to
 * one server process hears about a rep playing on another. Bursts are coalesced: at most one
 * notification per room per `coalesceMs`, and listeners are told the room code only.
 */
export class LiveUpdates {
  private readonly db: Database;
  private readonly listeners = new Map<string, Set<() => void>>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly coalesceMs: number;

  constructor(db: Database, coalesceMs = 100) {
    this.db = db;
    this.coalesceMs = coalesceMs;
  }

  async start(): Promise<void> {
    await this.db.listen(CHANNEL, (code) => {
      for (const l of this.listeners.get(code) ?? []) l();
    });
  }

  /** Something in room `code` changed here: tell every process (this one included), soon. */
  changed(code: string): void {
    if (this.pending.has(code)) return;
    this.pending.set(
      code,
      setTimeout(() => {
        this.pending.delete(code);
        this.db.notify(CHANNEL, code).catch((e: Error) => console.error(`walkaway: live update failed: ${e.message}`));
      }, this.coalesceMs),
    );
  }

  subscribe(code: string, listener: () => void): () => void {
    const set = this.listeners.get(code) ?? new Set();
    set.add(listener);
    this.listeners.set(code, set);
    return () => {
      set.delete(listener);
      if (!set.size) this.listeners.delete(code);
    };
  }

  stop(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
  }
}
