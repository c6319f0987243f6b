import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../src/engine/index.ts';
import type { WorkshopServer } from '../../src/server/app.ts';
import { RoomClient, RoomRequestError } from '../../src/server/client.ts';
import type { Database } from '../../src/server/db/database.ts';
import type { Seat } from '../../src/server/protocol.ts';
import { followRoom } from './live-stream.ts';
import { TestDatabases, localSession, sensibleMove, startTestServer } from './test-server.ts';

/**
 * A room where everyone moves at once, on the embedded database: moves that arrive together are stored
 * together (src/server/move-writer.ts) and the live view is computed once per room for every stream
 * watching it (src/server/view-feeds.ts). Nothing a rep sends may be lost or stored twice by that, and
 * every projector must end on every verified result.
 */
const dbs = new TestDatabases();
let db: Database;
let server: WorkshopServer;
let url: string;

beforeAll(async () => {
  db = await dbs.open(await dbs.location('pglite'));
  server = await startTestServer(db);
  url = await server.app.listen({ port: 0, host: '127.0.0.1' });
}, 180_000); // creating an embedded database takes a minute on a busy machine
afterAll(async () => {
  await server?.close();
  await db?.close();
  dbs.close();
});

const act = (code: string, secret: string, action: string) =>
  fetch(`${url}/api/rooms/${code}/actions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-room-secret': secret },
    body: JSON.stringify({ action }),
  });

/** Every unfinished rep makes their next move at the same moment; returns the acknowledgements. */
async function roundAtOnce(client: RoomClient, seats: Seat[], sessions: Session[]) {
  return Promise.all(
    sessions.map(async (s, i) => {
      if (s.isOver()) return null;
      s.choose(sensibleMove(s.snapshot()));
      return client.move(seats[i]!.code, seats[i]!.token, { seq: s.moves.length, move: s.moves.at(-1)! });
    }),
  );
}

describe('a room where everyone moves at once', () => {
  it('stores every move once, acknowledges a resend in the same burst as a duplicate, and refuses moves once the room has ended', async () => {
    const client = new RoomClient(url);
    const room = await client.create({ scenarioId: 'enterprise-deal', personaId: null, mode: 'practice' });
    const seats = await Promise.all(Array.from({ length: 12 }, (_, i) => client.join(room.code, `Rep ${i + 1}`)));
    const sessions = seats.map(localSession);
    for (const ack of await roundAtOnce(client, seats, sessions)) expect(ack).toMatchObject({ seq: 1, turn: 1, duplicate: false });

    // The same move sent twice at once (a resend racing its original): played once, acknowledged twice.
    const s0 = sessions[0]!;
    s0.choose(sensibleMove(s0.snapshot()));
    const twice = await Promise.all([1, 2].map(() => client.move(room.code, seats[0]!.token, { seq: 2, move: s0.moves[1]! })));
    expect(twice.map((a) => a.duplicate).sort()).toEqual([false, true]);
    const rest = await roundAtOnce(client, seats.slice(1), sessions.slice(1));
    expect(rest.every((a) => a?.seq === 2 && !a.duplicate)).toBe(true);

    const stored = await client.exportJson<{ reps: { name: string; turns: number; attempt: { moves: string[] } }[] }>(room.code, room.secret);
    expect(new Map(stored.reps.map((r) => [r.name, r.attempt.moves]))).toEqual(new Map(seats.map((seat, i) => [seat.name, sessions[i]!.moves])));
    // The projector's first look at a room in play reads it; after that the view follows the moves this
    // server stores without reading every rep again, and must still say what is stored.
    const turnsInView = async () =>
      new Map((await client.view<{ reps: { name: string; turn: number }[] }>(room.code, room.secret)).reps.map((r) => [r.name, r.turn]));
    expect(await turnsInView()).toEqual(new Map(seats.map((seat, i) => [seat.name, sessions[i]!.moves.length])));
    await roundAtOnce(client, seats.slice(2), sessions.slice(2));
    expect(await turnsInView()).toEqual(new Map(seats.map((seat, i) => [seat.name, sessions[i]!.moves.length])));

    // Once the room has ended, a rep's next move (a valid one) is refused and nothing more is stored.
    await act(room.code, room.secret, 'end');
    const s1 = sessions[1]!;
    s1.choose(sensibleMove(s1.snapshot()));
    const late = await client.move(room.code, seats[1]!.token, { seq: 3, move: s1.moves[2]! }).catch((e: RoomRequestError) => e);
    expect(late).toBeInstanceOf(RoomRequestError);
    expect((late as RoomRequestError).status).toBe(410);
    expect((await client.myGame(room.code, seats[1]!.token)).record.moves).toEqual(s1.moves.slice(0, 2));
    expect((await turnsInView()).get(seats[1]!.name)).toBe(2);
  });

  it('every stream on a room ends on every verified result, and on the reveal', async () => {
    const client = new RoomClient(url);
    const room = await client.create({ scenarioId: 'renewal', personaId: null, mode: 'practice' });
    // The projector and the facilitator's laptop share one computed view.
    const projector = followRoom(url, room.code, room.secret);
    const laptop = followRoom(url, room.code, room.secret);
    await Promise.all([projector, laptop].map((p) => p.until((v) => v.reps.length === 0)));

    const seats = await Promise.all(Array.from({ length: 16 }, (_, i) => client.join(room.code, `Player ${i + 1}`)));
    const sessions = seats.map(localSession);
    while (sessions.some((s) => !s.isOver())) await roundAtOnce(client, seats, sessions);
    await Promise.all(
      sessions.map((s, i) => {
        const r = s.result()!;
        return client.result(room.code, seats[i]!.token, { outcome: r.outcome, value: r.value, score: r.score.total });
      }),
    );
    const played = new Map(seats.map((seat, i) => [seat.repId, sessions[i]!.result()!.score.total]));
    for (const stream of [projector, laptop]) {
      const last = await stream.until((v) => v.reps.length === seats.length && v.reps.every((r) => r.over && r.summary !== null));
      expect(new Map(last.reps.map((r) => [r.id, r.summary!.score]))).toEqual(played);
    }

    expect((await act(room.code, room.secret, 'reveal')).status).toBe(200);
    for (const stream of [projector, laptop]) {
      const revealed = await stream.until((v) => v.revealed);
      expect(revealed.stats!.finished).toBe(seats.length);
    }
    // A stream that closes leaves the other one running.
    projector.stop();
    await projector.done;
    await act(room.code, room.secret, 'hide-names');
    expect((await laptop.until((v) => v.hideNames)).reps.every((r) => /^Rep \d+$/.test(r.name))).toBe(true);
    laptop.stop();
    await laptop.done;
  });
});
