import { z } from 'zod';
import {
  CreatedRoomSchema,
  ErrorSchema,
  MoveAckSchema,
  MyGameSchema,
  RoomInfoSchema,
  SeatSchema,
  type CreateRoom,
  type MoveMessage,
  type ResultClaim,
} from './protocol.ts';

/**
 * The room API from the client side, for the CLI, the game and the bench: every answer is validated
 * with the protocol's schemas, and every failure is a RoomRequestError carrying the server's sentence
 * (or a plain one when the server cannot be reached). Uses only fetch: runs in Node and browsers.
 */
const AnyObject = z.record(z.string(), z.unknown());
const ResultAckSchema = z.object({ verified: z.literal(true), summary: z.record(z.string(), z.unknown()) });

export class RoomRequestError extends Error {
  /** HTTP status, or 0 when the server could not be reached. */
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'RoomRequestError';
    this.status = status;
  }
}

export class RoomClient {
  readonly server: string;
  private readonly fetchImpl: typeof fetch;

  constructor(server: string, fetchImpl: typeof fetch = (...a) => fetch(...a)) {
    this.server = server.replace(/\/+$/, '');
    this.fetchImpl = fetchImpl;
  }

  private async call<T>(schema: z.ZodType<T>, method: string, path: string, o: { body?: unknown; token?: string; secret?: string } = {}): Promise<T> {
    const headers: Record<string, string> = {};
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    if (o.token) headers['authorization'] = `Bearer ${o.token}`;
    if (o.secret) headers['x-room-secret'] = o.secret;
    let res: Response;
    try {
      res = await this.fetchImpl(`${this.server}${path}`, { method, headers, ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}) });
    } catch {
      throw new RoomRequestError(0, `cannot reach the workshop server at ${this.server} (is it running? start it with npm run workshop)`);
    }
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      throw new RoomRequestError(res.status, `the server at ${this.server} did not answer like a workshop server (HTTP ${res.status})`);
    }
    if (!res.ok) {
      const e = ErrorSchema.safeParse(json);
      throw new RoomRequestError(res.status, e.success ? e.data.error : `HTTP ${res.status}`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new RoomRequestError(res.status, `the server at ${this.server} sent an answer this version does not understand`);
    return parsed.data;
  }

  create(req: CreateRoom) {
    return this.call(CreatedRoomSchema, 'POST', '/api/rooms', { body: req });
  }
  info(code: string) {
    return this.call(RoomInfoSchema, 'GET', `/api/rooms/${encodeURIComponent(code)}`);
  }
  join(code: string, name: string) {
    return this.call(SeatSchema, 'POST', `/api/rooms/${encodeURIComponent(code)}/reps`, { body: { name } });
  }
  myGame(code: string, token: string) {
    return this.call(MyGameSchema, 'GET', `/api/rooms/${encodeURIComponent(code)}/me`, { token });
  }
  move(code: string, token: string, msg: MoveMessage) {
    return this.call(MoveAckSchema, 'POST', `/api/rooms/${encodeURIComponent(code)}/me/moves`, { token, body: msg });
  }
  result(code: string, token: string, claim: ResultClaim) {
    return this.call(ResultAckSchema, 'POST', `/api/rooms/${encodeURIComponent(code)}/me/result`, { token, body: claim });
  }
  /** The facilitator's view (the server's RoomView), validated only as an object: it is shown, not trusted for play. */
  view<T = Record<string, unknown>>(code: string, secret: string) {
    return this.call(AnyObject as unknown as z.ZodType<T>, 'GET', `/api/rooms/${encodeURIComponent(code)}/view`, { secret });
  }
  exportJson<T = Record<string, unknown>>(code: string, secret: string) {
    return this.call(AnyObject as unknown as z.ZodType<T>, 'GET', `/api/rooms/${encodeURIComponent(code)}/export.json`, { secret });
  }
}
