import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkshopServer } from '../../src/server/app.ts';
import { RoomClient } from '../../src/server/client.ts';
import type { Database } from '../../src/server/db/database.ts';
import { followRoom } from './live-stream.ts';
import { TestDatabases, localSession, sensibleMove, startTestServer } from './test-server.ts';

/**
 * Two server processes sharing one PostgreSQL (here two servers with their own connection pools, which
 * is what the database sees of two processes): reps play on either, a projector's live stream on the
 * other hears every change (LISTEN/NOTIFY), and twenty reps playing at once all end verified.
 */
const dbs = new TestDatabases();
let dbA: Database;
let dbB: Database;
let a: WorkshopServer;
let b: WorkshopServer;
let urlA: string;
let urlB: string;

beforeAll(async () => {
  const loc = await dbs.location('postgres');
  dbA = await dbs.open(loc);
  dbB = await dbs.open(loc);
  a = await startTestServer(dbA);
  b = await startTestServer(dbB);
  urlA = await a.app.listen({ port: 0, host: '127.0.0.1' });
  urlB = await b.app.listen({ port: 0, host: '127.0.0.1' });
}, 180_000);
afterAll(async () => {
  await a?.close();
  await b?.close();
  await dbA?.close();
  await dbB?.close();
  dbs.close();
});

describe('two servers on one PostgreSQL', () => {
  it('a projector on one server sees reps playing on the other, live, and both give the same results', async () => {
    const room = await new RoomClient(urlA).create({ scenarioId: 'renewal', personaId: null, mode: 'practice' });
    const projector = followRoom(urlB, room.code, room.secret);
    await projector.until((v) => v.reps.length === 0);

    const clients = [new RoomClient(urlA), new RoomClient(urlB)];
    const seats = await Promise.all(Array.from({ length: 20 }, (_, i) => clients[i % 2]!.join(room.code, `Rep ${i + 1}`)));
    await projector.until((v) => v.reps.length === 20);

    // A move made on server A shows on B's stream.
    const first = localSession(seats[0]!);
    first.choose(sensibleMove(first.snapshot()));
    await clients[0]!.move(room.code, seats[0]!.token, { seq: 1, move: first.moves[0]! });
    await projector.until((v) => v.reps.find((r) => r.id === seats[0]!.repId)?.turn === 1);

    // Twenty reps play at once, alternating servers move by move.
    const scores = await Promise.all(
      seats.map(async (seat, i) => {
        const s = i === 0 ? first : localSession(seat);
        let n = s.moves.length;
        while (!s.isOver()) {
          s.choose(sensibleMove(s.snapshot()));
          n++;
          await clients[n % 2]!.move(room.code, seat.token, { seq: n, move: s.moves.at(-1)! });
        }
        const r = s.result()!;
        await clients[(n + 1) % 2]!.result(room.code, seat.token, { outcome: r.outcome, value: r.value, score: r.score.total });
        return [seat.repId, r.score.total] as const;
      }),
    );
    const last = await projector.until((v) => v.reps.length === seats.length && v.reps.every((r) => r.over && r.summary));
    // Joined at once, so join order (positions) need not be the order the joins were sent in.
    expect(new Map(last.reps.map((r) => [r.id, r.summary!.score]))).toEqual(new Map(scores));
    expect(last.flags).toEqual([]);
    const [fromA, fromB] = await Promise.all(clients.map((c) => c.exportJson(room.code, room.secret)));
    expect(fromA).toEqual(fromB);
    projector.stop();
    await projector.done;
  });
});
