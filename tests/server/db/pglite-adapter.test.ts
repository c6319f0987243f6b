import { afterAll, expect, it } from 'vitest';
import type { Database } from '../../../src/server/db/database.ts';
import { TestDatabases } from '../test-server.ts';

/**
 * The embedded database runs on a thread of its own; what the server sees of it must be what it saw
 * when PGlite ran in its own thread: results, PostgreSQL's error codes, transactions, notifications,
 * and everything still there after a restart. What crosses to the thread is checked there.
 */
const dbs = new TestDatabases();
afterAll(() => dbs.close());

it('answers like PostgreSQL across the thread, refuses malformed requests, and keeps everything across a restart', async () => {
  const loc = await dbs.location('pglite');
  let db: Database = await dbs.open(loc);
  const room = ['KEEPME', 's'.repeat(32), 'renewal', 'f', null, 'practice'];
  await db.query('INSERT INTO rooms (code, secret, scenario_id, fingerprint, persona_id, mode) VALUES ($1, $2, $3, $4, $5, $6)', room);

  // PostgreSQL's SQLSTATE survives the trip (the join code tells a taken name or code apart by it).
  const duplicate = await db
    .query('INSERT INTO rooms (code, secret, scenario_id, fingerprint, mode) VALUES ($1, $2, $3, $4, $5)', ['KEEPME', 'x', 'y', 'z', 'practice'])
    .catch((e: Error & { code?: string }) => e);
  expect(duplicate).toMatchObject({ code: '23505', message: expect.stringContaining('duplicate key') });

  // A transaction that throws leaves nothing; one that returns is committed.
  await expect(
    db.transaction(async (tx) => {
      await tx.query("UPDATE rooms SET locked = true WHERE code = 'KEEPME'");
      throw new Error('changed my mind');
    }),
  ).rejects.toThrow('changed my mind');
  await db.transaction(async (tx) => {
    await tx.query("UPDATE rooms SET ended = true WHERE code = 'KEEPME'");
  });
  expect(await db.query("SELECT locked, ended FROM rooms WHERE code = 'KEEPME'")).toEqual([{ locked: false, ended: true }]);

  // What crosses to the database thread is validated there: a value SQL cannot bind is a clear error.
  await expect(db.query('SELECT $1::text AS x', [{ not: 'bindable' }])).rejects.toThrow(/bad database request: params\.0/);
  expect(await db.query('SELECT $1::text AS x', ['still answering'])).toEqual([{ x: 'still answering' }]);

  // Notifications come back from the thread.
  const heard: string[] = [];
  await db.listen('walkaway_test', (p) => heard.push(p));
  await db.notify('walkaway_test', 'KEEPME');
  await expect.poll(() => heard, { timeout: 20_000 }).toEqual(['KEEPME']);

  // Two servers on one folder would corrupt it: the second is refused while the first has it open.
  await expect(dbs.open(loc)).rejects.toThrow(/is in use by another workshop server/);
  expect(await db.query('SELECT count(*)::int AS n FROM rooms')).toEqual([{ n: 1 }]);

  // A restart: close (the thread finishes and ends, the folder is freed), open the same folder again.
  await db.close();
  await expect(db.query('SELECT 1')).rejects.toThrow('the embedded database is closed');
  db = await dbs.open(loc);
  expect(await db.query('SELECT code, locked, ended FROM rooms')).toEqual([{ code: 'KEEPME', locked: false, ended: true }]);
  await db.close();
}, 240_000); // creating and reopening an embedded database takes a while on a busy machine
