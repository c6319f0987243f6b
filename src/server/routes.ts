import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import { RoomError } from './errors.ts';
import { toCsv } from './export.ts';
import type { LiveUpdates } from './live.ts';
import { CreateRoomSchema, FacilitatorActionSchema, JoinSchema, MoveMessageSchema, ResultClaimSchema, RoomCodeSchema } from './protocol.ts';
import { RateLimiter } from './rate-limit.ts';
import type { RoomService } from './rooms.ts';
import type { ScenarioCatalog } from './scenarios.ts';
import { type FeedEvent, ViewFeeds } from './view-feeds.ts';

export interface RouteDeps {
  rooms: RoomService;
  live: LiveUpdates;
  catalog: ScenarioCatalog;
  /** Fixed public address for links (PUBLIC_URL); otherwise taken from the request's Host. */
  publicUrl?: string | undefined;
  /** How often a live view may be recomputed and sent, per stream. */
  liveThrottleMs?: number;
  /** Rate limits (token buckets); the defaults suit a room of 500 on one server. */
  limits?: Partial<typeof DEFAULT_LIMITS>;
}

export const DEFAULT_LIMITS = {
  /** Every API request, per TCP connection: a browser's or a bot's ordinary pace is far below this. */
  perConnection: { burst: 120, perSecond: 60 },
  /** Moves and results, per rep: a person makes a choice every few seconds. */
  perRep: { burst: 30, perSecond: 10 },
  /** Rooms created, per address. */
  creates: { burst: 10, perSecond: 0.5 },
};

/** Validates with a Zod schema; the first problem becomes a 400 naming the field. */
export function parseOr400<T>(schema: z.ZodType<T>, data: unknown, what: string): T {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.path.length ? `${issue.path.join('.')}: ` : '';
  throw new RoomError(400, `bad ${what}: ${field}${issue.message}`);
}

const CodeParams = z.object({ code: RoomCodeSchema });

function bearer(req: FastifyRequest): string {
  const h = req.headers.authorization ?? '';
  const m = /^Bearer ([A-Za-z0-9_-]{10,100})$/.exec(h);
  if (!m) throw new RoomError(401, 'this needs your seat token (Authorization: Bearer ...): join the room first');
  return m[1]!;
}

function roomSecret(req: FastifyRequest): string {
  const header = req.headers['x-room-secret'];
  const query = (req.query as Record<string, unknown>)['secret'];
  const s = typeof header === 'string' ? header : typeof query === 'string' ? query : '';
  if (!/^[0-9a-f]{32}$/.test(s)) throw new RoomError(403, 'this needs the room secret (from the facilitator link)');
  return s;
}

/** The room API. Every body, parameter and header is validated; every refusal is a RoomError with a sentence. */
export function registerRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { rooms, live, catalog } = deps;
  const feeds = new ViewFeeds(live, deps.liveThrottleMs ?? 250);
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const perConnection = new RateLimiter(limits.perConnection);
  const perRep = new RateLimiter(limits.perRep);
  const creates = new RateLimiter(limits.creates);
  const baseUrl = (req: FastifyRequest) => deps.publicUrl ?? `${req.protocol}://${req.host}`;
  const code = (req: FastifyRequest) => parseOr400(CodeParams, req.params, 'room code').code;

  // A flood on one connection is refused before any work is done for it.
  app.addHook('onRequest', async (req) => {
    if (req.url.startsWith('/api/') && !perConnection.take(req.raw.socket)) {
      throw new RoomError(429, 'too many requests on this connection: slow down');
    }
  });

  app.get('/api/scenarios', async () =>
    catalog.list().map((c) => ({
      id: c.scenario.id,
      title: c.scenario.title,
      personas: c.scenario.personas.map((p) => ({ id: p.id, name: p.name, title: p.title, difficulty: p.difficulty })),
    })),
  );

  app.post('/api/rooms', async (req, reply) => {
    if (!creates.take(req.ip)) throw new RoomError(429, 'too many rooms created from this address: wait a little');
    const body = parseOr400(CreateRoomSchema, req.body, 'room');
    reply.code(201);
    return rooms.create(body, baseUrl(req));
  });

  app.get('/api/rooms/:code', async (req) => rooms.info(code(req)));

  app.get('/api/rooms/:code/qr.svg', async (req, reply) => {
    const c = code(req);
    await rooms.info(c);
    const svg = await QRCode.toString(`${baseUrl(req).replace(/\/+$/, '')}/?room=${c}`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    reply.type('image/svg+xml').header('cache-control', 'no-store');
    return svg;
  });

  app.post('/api/rooms/:code/reps', async (req, reply) => {
    const c = code(req);
    const body = parseOr400(JoinSchema, req.body, 'join request');
    reply.code(201);
    return rooms.join(c, body.name);
  });

  app.get('/api/rooms/:code/me', async (req) => rooms.myGame(code(req), bearer(req)));

  app.post('/api/rooms/:code/me/moves', async (req) => {
    const c = code(req);
    const token = bearer(req);
    if (!perRep.take(token)) throw new RoomError(429, 'too many moves at once: slow down');
    return rooms.move(c, token, parseOr400(MoveMessageSchema, req.body, 'move'));
  });

  app.post('/api/rooms/:code/me/result', async (req) => {
    const c = code(req);
    const token = bearer(req);
    if (!perRep.take(token)) throw new RoomError(429, 'too many requests at once: slow down');
    const summary = await rooms.claimResult(c, token, parseOr400(ResultClaimSchema, req.body, 'result'));
    return { verified: true, summary };
  });

  app.get('/api/rooms/:code/view', async (req) => rooms.view(code(req), roomSecret(req), baseUrl(req)));

  app.post('/api/rooms/:code/actions', async (req) => {
    const c = code(req);
    const secret = roomSecret(req);
    await rooms.act(c, secret, parseOr400(FacilitatorActionSchema, req.body, 'action'));
    return rooms.view(c, secret, baseUrl(req));
  });

  app.get('/api/rooms/:code/export.json', async (req, reply) => {
    const c = code(req);
    reply.header('content-disposition', `attachment; filename="walkaway-${c}.json"`);
    return rooms.exportRows(c, roomSecret(req));
  });

  app.get('/api/rooms/:code/export.csv', async (req, reply) => {
    const c = code(req);
    const data = await rooms.exportRows(c, roomSecret(req));
    reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="walkaway-${c}.csv"`);
    return toCsv(data);
  });

  // Server-sent events: the facilitator's view, sent again whenever the room changes (at most every
  // liveThrottleMs, computed once for all the streams on the room), from whichever process the change
  // happened on.
  app.get('/api/rooms/:code/events', async (req, reply) => {
    const c = code(req);
    const secret = roomSecret(req);
    const base = baseUrl(req);
    const first = await rooms.view(c, secret, base);
    streamView(reply, JSON.stringify(first), (watcher) => feeds.watch(c, `${c} ${base}`, () => rooms.view(c, secret, base), watcher));
  });

  app.setErrorHandler((error: Error & { statusCode?: number }, req, reply) => {
    if (error instanceof RoomError) return reply.code(error.status).send({ error: error.message });
    if (error.statusCode && error.statusCode < 500) return reply.code(error.statusCode).send({ error: error.message });
    req.log.error(error);
    return reply.code(500).send({ error: 'the server hit an unexpected problem; nothing was stored' });
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: `nothing at ${req.method} ${req.url.split('?')[0]}` }));
}

/** Holds a server-sent event stream open: the view it was opened with, then every view of its feed. */
function streamView(reply: FastifyReply, firstView: string, watch: (watcher: (e: FeedEvent) => void) => () => void): void {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  raw.write(`event: view\ndata: ${firstView}\n\n`);
  const stop = watch((e) => raw.write(`event: ${e.event}\ndata: ${e.data}\n\n`));
  const heartbeat = setInterval(() => raw.write(': still here\n\n'), 15_000);
  raw.on('close', () => {
    stop();
    clearInterval(heartbeat);
  });
}
