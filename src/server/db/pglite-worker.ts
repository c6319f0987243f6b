import { mkdirSync } from 'node:fs';
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { describeError, firstIssue, WorkerRequestSchema, WorkerStartSchema, type WorkerReply, type WorkerRequest } from './pglite-messages.ts';

/**
 * The thread that owns the embedded PostgreSQL. PGlite runs PostgreSQL compiled to WebAssembly
 * synchronously on the thread that calls it, and a queue of waiting queries runs back to back without
 * yielding: on the server's own thread a burst of moves stalled every other request for up to seconds.
 * Here it stalls only this thread; the server's thread keeps answering (`pglite-adapter.ts`).
 */

function ownPort(): MessagePort {
  if (!parentPort) throw new Error('pglite-worker.ts runs as a worker thread (see pglite-adapter.ts)');
  return parentPort;
}
const port = ownPort();

const post = (reply: WorkerReply) => port.postMessage(reply);

/** A rollback the server asked for: ends the transaction's callback without it counting as a failure. */
class RollbackRequested extends Error {}

interface OpenTransaction {
  tx: Transaction;
  /** Ends the transaction (commit or roll back); `requestId`, if any, is answered once PGlite has finished it. */
  end(commit: boolean, requestId: number | null): void;
}

async function serve(db: PGlite): Promise<void> {
  const transactions = new Map<number, OpenTransaction>();
  let nextTransaction = 1;
  let closing = false;

  const begin = (id: number) => {
    const txId = nextTransaction++;
    // Set when the transaction is ended: the request to answer then (null: nobody waits, as on close).
    let ended: { requestId: number | null } | null = null;
    db.transaction(
      (tx) =>
        new Promise<void>((resolve, reject) => {
          transactions.set(txId, {
            tx,
            end(commit, requestId) {
              ended = { requestId };
              transactions.delete(txId);
              if (commit) resolve();
              else reject(new RollbackRequested());
            },
          });
          post({ type: 'ok', id, rows: [], tx: txId });
        }),
    ).then(
      () => {
        if (ended?.requestId != null) post({ type: 'ok', id: ended.requestId, rows: [] });
      },
      (e: unknown) => {
        transactions.delete(txId);
        // BEGIN itself failed (the begin request is still waiting for its answer), or COMMIT did.
        const requestId = ended ? ended.requestId : id;
        if (requestId === null) return;
        if (e instanceof RollbackRequested) post({ type: 'ok', id: requestId, rows: [] });
        else post({ type: 'error', id: requestId, error: describeError(e) });
      },
    );
  };

  const handle = async (req: WorkerRequest): Promise<Record<string, unknown>[] | null> => {
    switch (req.op) {
      case 'query': {
        const target = req.tx === undefined ? db : transactions.get(req.tx)?.tx;
        if (!target) throw new Error(`transaction ${req.tx} is not open`);
        return (await target.query<Record<string, unknown>>(req.sql, req.params)).rows;
      }
      case 'exec':
        await db.exec(req.sql);
        return [];
      case 'begin':
        begin(req.id);
        return null;
      case 'commit':
      case 'rollback': {
        const open = transactions.get(req.tx);
        if (!open) throw new Error(`transaction ${req.tx} is not open`);
        open.end(req.op === 'commit', req.id);
        return null;
      }
      case 'listen':
        await db.listen(req.channel, (payload) => post({ type: 'notification', channel: req.channel, payload }));
        return [];
      case 'close':
        closing = true;
        for (const open of transactions.values()) open.end(false, null);
        await db.close();
        return [];
    }
  };

  port.on('message', (raw: unknown) => {
    const parsed = WorkerRequestSchema.safeParse(raw);
    if (!parsed.success) {
      const id = (raw as { id?: unknown })?.id;
      post({
        type: 'error',
        id: typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : 0,
        error: { message: `bad database request: ${firstIssue(parsed.error)}` },
      });
      return;
    }
    const req = parsed.data;
    if (closing && req.op !== 'close') {
      post({ type: 'error', id: req.id, error: { message: 'the database is closing' } });
      return;
    }
    handle(req).then(
      (rows) => {
        if (rows) post({ type: 'ok', id: req.id, rows });
        // Closed: nothing more will come, so let the thread end.
        if (req.op === 'close') port.close();
      },
      (e: unknown) => post({ type: 'error', id: req.id, error: describeError(e) }),
    );
  });
  post({ type: 'ready' });
}

/** Opens the database named at start and serves requests until told to close. */
async function main(): Promise<void> {
  const start = WorkerStartSchema.safeParse(workerData);
  if (!start.success) {
    post({ type: 'failed', error: { message: `bad database settings: ${firstIssue(start.error)}` } });
    port.close();
    return;
  }
  try {
    const { dataDir } = start.data;
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    await serve(await PGlite.create(dataDir ?? undefined));
  } catch (e) {
    post({ type: 'failed', error: describeError(e) });
    port.close();
  }
}

void main();
