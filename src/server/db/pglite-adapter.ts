import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.ts';

/** The embedded PostgreSQL: a facilitator needs nothing installed; the data lives in one folder on disk. */
export async function openPglite(dataDir: string | null): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ?? undefined);
  const wrap = (q: { query: PGlite['query'] }): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const r = await q.query<Row>(sql, params as unknown[]);
      return r.rows;
    },
  });
  const plain = wrap(db);
  return {
    kind: 'pglite',
    query: plain.query,
    async exec(sql) {
      await db.exec(sql);
    },
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    async listen(channel, onMessage) {
      await db.listen(channel, onMessage);
    },
    async notify(channel, payload) {
      await db.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      await db.close();
    },
  };
}
