import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import lockfile from 'proper-lockfile';
import type { Database, Queryable } from './database.ts';
import { firstIssue, WorkerReplySchema, type WorkerRequest, type WorkerStart } from './pglite-messages.ts';

/**
 * The embedded PostgreSQL: a facilitator needs nothing installed; the data lives in one folder on disk.
 * PGlite runs on a thread of its own (`pglite-worker.ts`) so that the server's thread, which answers
 * every rep, never waits while PostgreSQL works; this is the server's side of that conversation.
 */
export async function openPglite(dataDir: string | null): Promise<Database> {
  const release = dataDir ? await lockDataDir(dataDir) : async () => undefined;
  try {
    const db = await startWorker(dataDir);
    return {
      ...db,
      async close() {
        await db.close();
        await release();
      },
    };
  } catch (e) {
    await release();
    throw e;
  }
}

/**
 * PostgreSQL opened twice on one folder would corrupt it, and PGlite does not stop that by itself; the
 * server also counts on being the folder's only writer (`exclusive`). So the folder is locked for as
 * long as it is open: a lock directory beside it, kept fresh while the server runs and taken over once
 * stale (a server that was killed leaves one that goes stale after 10 seconds).
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  mkdirSync(dataDir, { recursive: true });
  try {
    return await lockfile.lock(dataDir, {
      stale: 10_000,
      onCompromised: (e) => console.error(`walkaway: lost the lock on the data folder ${dataDir} (${e.message}); another server may be using it`),
    });
  } catch (e) {
    if ((e as { code?: string }).code === 'ELOCKED') {
      throw new Error(
        `the data folder ${dataDir} is in use by another workshop server: stop that one or give this one its own folder with WALKAWAY_DATA (a server that was killed frees it within 10 seconds)`,
      );
    }
    throw e;
  }
}

async function startWorker(dataDir: string | null): Promise<Database> {
  const require = createRequire(import.meta.url);
  // The worker is TypeScript like the rest of the server. Node 20 applies ESM loader hooks (tsx's, when
  // this process was started through tsx) to the main thread only, and treats a .ts entry in this
  // "type": "module" package as ESM; so a two-line CommonJS bootstrap installs tsx's require hook and
  // requires the worker's module (which therefore avoids top-level await).
  const bootstrap = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(fileURLToPath(new URL('./pglite-worker.ts', import.meta.url)))});`;
  const worker = new Worker(bootstrap, { eval: true, workerData: { dataDir } satisfies WorkerStart });
  const link = new WorkerLink(worker);
  await link.ready;
  return link.database();
}

type Pending = { resolve: (r: { rows: Record<string, unknown>[]; tx?: number | undefined }) => void; reject: (e: Error) => void };
/** Distributes a request without its id, for each op. */
type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

/** An error from the database thread, with PostgreSQL's SQLSTATE kept (callers test `code`, e.g. 23505). */
export class EmbeddedDatabaseError extends Error {
  readonly code: string | undefined;
  readonly detail: string | undefined;
  constructor(message: string, code?: string, detail?: string) {
    super(message);
    this.name = 'EmbeddedDatabaseError';
    this.code = code;
    this.detail = detail;
  }
}

class WorkerLink {
  readonly ready: Promise<void>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, ((payload: string) => void)[]>();
  private nextId = 1;
  /** Set once the thread has stopped (or could not start): every request after that fails with it. */
  private stopped: Error | null = null;
  private exited: Promise<void>;

  constructor(worker: Worker) {
    this.worker = worker;
    let opened: () => void;
    let failed: (e: Error) => void;
    this.ready = new Promise<void>((resolve, reject) => {
      opened = resolve;
      failed = reject;
    });
    worker.on('message', (raw: unknown) => {
      const parsed = WorkerReplySchema.safeParse(raw);
      if (!parsed.success) {
        console.error(`walkaway: ignored a malformed message from the database thread (${firstIssue(parsed.error)})`);
        return;
      }
      const msg = parsed.data;
      switch (msg.type) {
        case 'ready':
          opened();
          return;
        case 'failed':
          this.stop(new EmbeddedDatabaseError(`the embedded database could not be opened: ${msg.error.message}`, msg.error.code));
          failed(this.stopped!);
          return;
        case 'notification':
          for (const l of this.listeners.get(msg.channel) ?? []) l(msg.payload);
          return;
        case 'ok':
        case 'error': {
          const p = this.pending.get(msg.id);
          if (!p) return;
          this.pending.delete(msg.id);
          if (msg.type === 'ok') p.resolve({ rows: msg.rows, tx: msg.tx });
          else p.reject(new EmbeddedDatabaseError(msg.error.message, msg.error.code, msg.error.detail));
        }
      }
    });
    worker.on('error', (e) => {
      console.error(`walkaway: the embedded database stopped: ${e.message}`);
      this.stop(new EmbeddedDatabaseError(`the embedded database stopped: ${e.message}`));
      failed(this.stopped!);
    });
    this.exited = new Promise((resolve) =>
      worker.once('exit', () => {
        this.stop(new EmbeddedDatabaseError('the embedded database is closed'));
        failed(this.stopped!);
        resolve();
      }),
    );
  }

  private stop(reason: Error): void {
    if (this.stopped) return;
    this.stopped = reason;
    for (const p of this.pending.values()) p.reject(reason);
    this.pending.clear();
  }

  request(req: Request): Promise<{ rows: Record<string, unknown>[]; tx?: number | undefined }> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...req, id });
    });
  }

  database(): Database {
    const query = async <Row>(sql: string, params: readonly unknown[] = [], tx?: number): Promise<Row[]> => {
      const r = await this.request({ op: 'query', sql, params: params as (string | number | boolean | null)[], ...(tx === undefined ? {} : { tx }) });
      return r.rows as Row[];
    };
    return {
      kind: 'pglite',
      exclusive: true,
      query: (sql, params) => query(sql, params),
      exec: async (sql) => {
        await this.request({ op: 'exec', sql });
      },
      transaction: async (work) => {
        const { tx } = await this.request({ op: 'begin' });
        const inside: Queryable = { query: (sql, params) => query(sql, params, tx) };
        let out: Awaited<ReturnType<typeof work>>;
        try {
          out = await work(inside);
        } catch (e) {
          await this.request({ op: 'rollback', tx: tx! }).catch(() => undefined);
          throw e;
        }
        await this.request({ op: 'commit', tx: tx! });
        return out;
      },
      listen: async (channel, onMessage) => {
        const list = this.listeners.get(channel) ?? [];
        this.listeners.set(channel, [...list, onMessage]);
        if (!list.length) await this.request({ op: 'listen', channel });
      },
      notify: async (channel, payload) => {
        await this.request({ op: 'query', sql: 'SELECT pg_notify($1, $2)', params: [channel, payload] });
      },
      close: async () => {
        if (!this.stopped) await this.request({ op: 'close' }).catch(() => undefined);
        await this.exited;
      },
    };
  }
}
