import pg from 'pg';
import type { Database, Queryable } from './database.ts';

/**
 * A PostgreSQL server (DATABASE_URL): what lets several workshop server processes share one room. A
 * pool for queries, and one dedicated connection that LISTENs for the other processes' notifications.
 */
export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Fail now, with the server's own message, rather than on the first request.
  await pool.query('SELECT 1');
  pool.on('error', (e) => console.error(`walkaway: database connection lost: ${e.message}`));
  let listener: pg.PoolClient | null = null;
  const handlers = new Map<string, ((payload: string) => void)[]>();
  const wrap = (q: { query: pg.Pool['query'] }): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const r = await q.query(sql, params as unknown[]);
      return r.rows as Row[];
    },
  });
  const plain = wrap(pool);
  return {
    kind: 'postgres',
    exclusive: false,
    query: plain.query,
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await work(wrap(client as unknown as pg.Pool));
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    async listen(channel, onMessage) {
      if (!listener) {
        listener = await pool.connect();
        listener.on('error', (e) => console.error(`walkaway: live-update connection lost: ${e.message}`));
        listener.on('notification', (n) => {
          for (const h of handlers.get(n.channel) ?? []) h(n.payload ?? '');
        });
      }
      const list = handlers.get(channel) ?? [];
      if (!list.length) await listener.query(`LISTEN "${channel.replace(/"/g, '')}"`);
      handlers.set(channel, [...list, onMessage]);
    },
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      // A connection that LISTENs is not handed back to the pool for reuse.
      listener?.release(true);
      listener = null;
      await pool.end();
    },
  };
}
