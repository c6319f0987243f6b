import { Agent, request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Session } from '../../src/engine/index.ts';
import type { WorkshopServer } from '../../src/server/app.ts';
import type { Database } from '../../src/server/db/database.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import type { CreatedRoom, Seat } from '../../src/server/protocol.ts';
import type { RoomView } from '../../src/server/rooms.ts';
import { DATABASE_KINDS, TestDatabases, localSession, sensibleMove, startTestServer, weakMove } from './test-server.ts';

/**
 * The room API end to end through Fastify's request injection, on both databases: rooms, joins, moves
 * verified by replay, forged results, bad input and floods, and a restart that loses nothing.
 */
const dbs = new TestDatabases();
afterAll(() => dbs.close());

describe.each(DATABASE_KINDS)('workshop rooms on %s', (kind) => {
  let server: WorkshopServer;
  let db: Database;
  let loc: Awaited<ReturnType<TestDatabases['location']>>;

  const call = async (method: 'GET' | 'POST', url: string, o: { body?: unknown; token?: string; secret?: string; raw?: string } = {}) => {
    const headers: Record<string, string> = {};
    if (o.token) headers['authorization'] = `Bearer ${o.token}`;
    if (o.secret) headers['x-room-secret'] = o.secret;
    if (o.raw !== undefined) headers['content-type'] = 'application/json';
    const res: LightMyRequestResponse = await server.app.inject({
      method,
      url,
      headers,
      ...(o.raw !== undefined ? { payload: o.raw } : o.body !== undefined ? { payload: o.body as object } : {}),
    });
    return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? res.json() : res.body };
  };
  const createRoom = async (personaId: string | null = 'procurement-lead', scenarioId = 'enterprise-deal'): Promise<CreatedRoom> => {
    const r = await call('POST', '/api/rooms', { body: { scenarioId, personaId, mode: 'practice' } });
    expect(r.status).toBe(201);
    return r.body as CreatedRoom;
  };
  const join = async (code: string, name: string): Promise<Seat> => {
    const r = await call('POST', `/api/rooms/${code}/reps`, { body: { name } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as Seat;
  };
  /** Plays to the end, sending every move as it is made; returns the local session. */
  const playOut = async (seat: Seat, pick = sensibleMove): Promise<Session> => {
    const session = localSession(seat);
    while (!session.isOver()) {
      const id = pick(session.snapshot());
      session.choose(id);
      const r = await call('POST', `/api/rooms/${seat.code}/me/moves`, { token: seat.token, body: { seq: session.moves.length, move: id } });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    return session;
  };
  const view = async (room: CreatedRoom): Promise<RoomView> => (await call('GET', `/api/rooms/${room.code}/view`, { secret: room.secret })).body as RoomView;

  it('starts on a migrated database', async () => {
    loc = await dbs.location(kind);
    db = await dbs.open(loc);
    server = await startTestServer(db);
    // Migrations are recorded once: running them again applies nothing.
    expect(await migrate(db)).toEqual([]);
    expect((await db.query<{ id: string }>('SELECT id FROM schema_migrations')).map((r) => r.id)).toEqual(['001_rooms.sql', '002_drop_result_confirmed.sql']);
  }, 180_000); // creating an embedded database takes a minute on a busy machine

  it('creates a room with a short code, links and a QR code, and refuses unknown scenarios and personas', async () => {
    const room = await createRoom();
    expect(room.code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(room.joinUrl).toMatch(new RegExp(`/\\?room=${room.code}$`));
    expect(room.facilitatorUrl).toContain(`#secret=${room.secret}`);
    const qr = await server.app.inject({ method: 'GET', url: `/api/rooms/${room.code}/qr.svg` });
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    expect(qr.body).toContain('<svg');
    expect((await call('POST', '/api/rooms', { body: { scenarioId: 'nope', personaId: null } })).body).toEqual({
      error: expect.stringContaining('no scenario "nope"'),
    });
    expect((await call('POST', '/api/rooms', { body: { scenarioId: 'enterprise-deal', personaId: 'ghost' } })).status).toBe(404);
    expect((await call('POST', '/api/rooms', { body: { scenarioId: 'enterprise-deal', personaId: null, mode: 'hardcore' } })).status).toBe(400);
  });

  it('verifies every move and the result by replay, and shows them to the facilitator', async () => {
    const room = await createRoom();
    const ana = await join(room.code, 'Ana');
    const ben = await join(room.code.toLowerCase(), 'Ben');
    expect(ana.personaId).toBe('procurement-lead');
    const a = await playOut(ana);
    const b = await playOut(ben, weakMove);
    const mine = (await call('GET', `/api/rooms/${room.code}/me`, { token: ana.token })).body;
    expect(mine.record).toEqual(a.attempt());
    expect(mine.over).toBe(true);

    const result = a.result()!;
    const ok = await call('POST', `/api/rooms/${room.code}/me/result`, {
      token: ana.token,
      body: { outcome: result.outcome, value: result.value, score: result.score.total },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.summary.score).toBe(result.score.total);

    const v = await view(room);
    expect(v.reps.map((r) => [r.name, r.over, r.summary?.score])).toEqual([
      ['Ana', true, result.score.total],
      ['Ben', true, b.result()!.score.total],
    ]);
    // Statistics only once revealed.
    expect(v.stats).toBeNull();
    await call('POST', `/api/rooms/${room.code}/actions`, { secret: room.secret, body: { action: 'reveal' } });
    const revealed = await view(room);
    expect(revealed.stats!.finished).toBe(2);
    const better = result.score.total >= b.result()!.score.total ? 'Ana' : 'Ben';
    expect(revealed.best!.name).toBe(better);
    expect(revealed.best!.steps.length).toBeGreaterThan(3);
  });

  it('rejects a forged result and flags it to the facilitator', async () => {
    const room = await createRoom();
    const seat = await join(room.code, 'Mallory');
    const s = await playOut(seat, weakMove);
    const real = s.result()!;
    const forged = await call('POST', `/api/rooms/${room.code}/me/result`, {
      token: seat.token,
      body: { outcome: 'deal', value: real.value + 50_000, score: 100 },
    });
    expect(forged.status).toBe(422);
    expect(forged.body.error).toContain('does not match the replay');
    const v = await view(room);
    expect(v.flags).toEqual([expect.objectContaining({ name: 'Mallory', message: expect.stringContaining('score 100') })]);
    expect(v.reps[0]!.flagged).toBe(true);
    // The stored result is still the replay's.
    expect(v.reps[0]!.summary!.score).toBe(real.score.total);
  });

  it('refuses bad names, duplicates, unknown choices and out-of-order or replayed moves without storing them', async () => {
    const room = await createRoom();
    const bad = async (name: unknown) => call('POST', `/api/rooms/${room.code}/reps`, { body: { name } });
    expect((await bad('<img src=x onerror=alert(1)>')).body).toEqual({ error: 'bad join request: name: a name may not contain < or >' });
    expect((await bad('x'.repeat(10_000))).body.error).toContain('at most 40 characters');
    expect((await bad('   ')).body.error).toContain('a name is needed');
    expect((await bad('a\u0000b')).status).toBe(400);
    expect((await bad(42)).status).toBe(400);
    const seat = await join(room.code, '  Zoë   Smith ');
    expect(seat.name).toBe('Zoë Smith');
    expect((await bad('zoë smith')).status).toBe(409);
    expect((await bad('zoë smith')).body.error).toContain('already called');

    const session = localSession(seat);
    const first = sensibleMove(session.snapshot());
    const move = (seq: number, m: unknown) => call('POST', `/api/rooms/${room.code}/me/moves`, { token: seat.token, body: { seq, move: m } });
    expect((await move(1, 'no-such-choice')).body).toEqual({ error: '"no-such-choice" is not a choice at this point' });
    expect((await move(2, first)).body.error).toContain('out of order: the next move is 1');
    expect((await move(1, first)).body).toMatchObject({ seq: 1, duplicate: false });
    // A resend after a lost answer is acknowledged, not played twice; a different move 1 is refused.
    expect((await move(1, first)).body).toMatchObject({ seq: 1, duplicate: true, turn: 1 });
    const other = session.snapshot().choices.find((c) => c.id !== first)!.id;
    expect((await move(1, other)).status).toBe(409);
    expect((await move(2, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).status).toBe(422);
    expect((await move(2, { propose: 'x' })).status).toBe(400);
    expect((await move(0, first)).status).toBe(400);
    expect((await call('POST', `/api/rooms/${room.code}/me/moves`, { token: seat.token, raw: '{"seq": 2, "move": ' })).status).toBe(400);
    expect((await call('POST', `/api/rooms/${room.code}/me/moves`, { token: 'wrong-token-123', body: { seq: 2, move: first } })).status).toBe(401);
    const stored = (await call('GET', `/api/rooms/${room.code}/me`, { token: seat.token })).body;
    expect(stored.record.moves).toEqual([first]);
    // Nobody sees another rep's game or the facilitator's view without the secret.
    expect((await call('GET', `/api/rooms/${room.code}/view`)).status).toBe(403);
    expect((await call('GET', `/api/rooms/${room.code}/view`, { secret: '0'.repeat(32) })).body.error).toContain('not the secret');
    expect((await call('GET', `/api/rooms/ZZZZZZ`)).body).toEqual({ error: 'no room with code ZZZZZZ' });
    expect((await call('GET', `/api/rooms/bad!`)).status).toBe(400);
  });

  it('honours lock and end, hides names, compares two reps and exports CSV and JSON', async () => {
    const room = await createRoom(null);
    const eve = await join(room.code, '=HYPERLINK("x")');
    const dan = await join(room.code, 'Dan');
    await playOut(eve);
    const act = (body: object) => call('POST', `/api/rooms/${room.code}/actions`, { secret: room.secret, body });
    await act({ action: 'lock' });
    const locked = await call('POST', `/api/rooms/${room.code}/reps`, { body: { name: 'Late' } });
    expect([locked.status, locked.body.error]).toEqual([423, expect.stringContaining('locked')]);
    await act({ action: 'hide-names' });
    await act({ action: 'compare', a: eve.repId, b: dan.repId });
    const v = await view(room);
    expect(v.reps.map((r) => r.name)).toEqual(['Rep 1', 'Rep 2']);
    expect(v.compare.a!.name).toBe('Rep 1');
    expect(v.compare.a!.steps.length).toBe(v.reps[0]!.turn);
    expect(v.compare.b!.steps).toEqual([]);
    expect(JSON.stringify(v)).not.toContain('HYPERLINK');
    await act({ action: 'show-names' });
    expect((await act({ action: 'compare', a: 'nobody', b: null })).status).toBe(404);
    expect((await act({ action: 'explode' })).status).toBe(400);

    const csv = await server.app.inject({ method: 'GET', url: `/api/rooms/${room.code}/export.csv?secret=${room.secret}` });
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('position,name,persona,turns,finished,flagged,outcome,value,walkAwayValue,target,score,grade,antiPatterns,moves');
    // A name a spreadsheet would run as a formula is written as text.
    expect(lines[1]).toMatch(/^1,"'=HYPERLINK\(""x""\)",/);
    const json = (await call('GET', `/api/rooms/${room.code}/export.json`, { secret: room.secret })).body;
    expect(json.reps[0].attempt.moves.length).toBe(json.reps[0].turns);

    await act({ action: 'end' });
    const late = await call('POST', `/api/rooms/${room.code}/me/moves`, { token: dan.token, body: { seq: 1, move: 'x' } });
    expect([late.status, late.body.error]).toEqual([410, `room ${room.code} has ended; no more moves are taken`]);
    expect((await call('GET', `/api/rooms/${room.code}`)).body).toMatchObject({ ended: true, locked: true });
  });

  it('refuses a flood on one connection with 429 and keeps serving', async () => {
    const room = await createRoom();
    // A server with a small bucket (20 at once, 2 a second), so the test does not depend on this machine's speed.
    const strict = await startTestServer(db, { limits: { perConnection: { burst: 20, perSecond: 2 } } });
    const address = await strict.app.listen({ port: 0, host: '127.0.0.1' });
    // One keep-alive connection, as a misbehaving client would hold it.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = (path: string) =>
      new Promise<number>((resolve, reject) => {
        request(`${address}${path}`, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        })
          .on('error', reject)
          .end();
      });
    const t0 = performance.now();
    const statuses = await Promise.all(Array.from({ length: 100 }, () => get(`/api/rooms/${room.code}`)));
    const seconds = (performance.now() - t0) / 1000;
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(20 + Math.ceil(seconds * 2) + 1);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(50);
    // Another connection is not punished for it.
    const fresh = new Agent({ keepAlive: false });
    const other = await new Promise<number>((resolve) =>
      request(`${address}/api/rooms/${room.code}`, { agent: fresh }, (res) => resolve(res.statusCode ?? 0)).end(),
    );
    expect(other).toBe(200);
    agent.destroy();
    await strict.close();
  });

  it('keeps every room, rep and move across a server restart', async () => {
    await server.close();
    await db.close();
    db = await dbs.open(loc);
    server = await startTestServer(db);
    const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM reps');
    expect(rows[0]!.n).toBeGreaterThanOrEqual(6);
    const room = await createRoom();
    const seat = await join(room.code, 'Kim');
    const s = localSession(seat);
    s.choose(sensibleMove(s.snapshot()));
    await call('POST', `/api/rooms/${room.code}/me/moves`, { token: seat.token, body: { seq: 1, move: s.moves[0] } });
    await server.close();
    await db.close();
    db = await dbs.open(loc);
    server = await startTestServer(db);
    const mine = (await call('GET', `/api/rooms/${room.code}/me`, { token: seat.token })).body;
    expect(mine.record.moves).toEqual(s.moves);
    await server.close();
    await db.close();
  });
});
