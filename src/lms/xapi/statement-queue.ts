import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Statement } from '@xapi/xapi';

/**
 * Statements waiting for the learning record store, kept in IndexedDB so they survive going offline
 * and closing the page. Each statement carries the id it was given when it was made; an entry leaves
 * the outbox only when the LRS has accepted it (or already has that id), so nothing is sent twice and
 * nothing is lost. One flush runs at a time, across tabs too (Web Locks).
 */
interface QueueSchema extends DBSchema {
  outbox: { key: number; value: { seq?: number; statement: Statement; queuedAt: string } };
  /** Statements the LRS refused as malformed: kept for inspection, never resent. */
  refused: { key: string; value: { statement: Statement; status: number; at: string } };
}

export type SendResult = 'sent' | 'refused' | 'retry';
export type Sender = (statement: Statement) => Promise<SendResult>;

const LOCK = 'walkaway-xapi-outbox';

export class StatementQueue {
  private constructor(private readonly db: IDBPDatabase<QueueSchema>) {}

  static async open(name = 'walkaway-xapi'): Promise<StatementQueue> {
    const db = await openDB<QueueSchema>(name, 1, {
      upgrade(d) {
        d.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
        d.createObjectStore('refused');
      },
    });
    return new StatementQueue(db);
  }

  async enqueue(statements: readonly Statement[]): Promise<void> {
    const tx = this.db.transaction('outbox', 'readwrite');
    const at = new Date().toISOString();
    await Promise.all([...statements.map((statement) => tx.store.add({ statement, queuedAt: at })), tx.done]);
  }

  async pending(): Promise<number> {
    return this.db.count('outbox');
  }

  /** Sends in order until one fails; returns how many were sent and how many wait. */
  async flush(send: Sender): Promise<{ sent: number; waiting: number }> {
    const run = () => this.flushNow(send);
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    return locks ? locks.request(LOCK, run) : run();
  }

  private async flushNow(send: Sender): Promise<{ sent: number; waiting: number }> {
    let sent = 0;
    for (;;) {
      const cursor = await this.db.transaction('outbox').store.openCursor();
      if (!cursor) break;
      const { seq, statement } = cursor.value;
      const result = await send(statement);
      if (result === 'retry') break;
      if (result === 'refused') await this.db.put('refused', { statement, status: 400, at: new Date().toISOString() }, String(statement.id));
      await this.db.delete('outbox', seq!);
      if (result === 'sent') sent++;
    }
    return { sent, waiting: await this.pending() };
  }

  close(): void {
    this.db.close();
  }
}
