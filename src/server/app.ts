import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { SECURITY_HEADERS } from '../web/content-security-policy.ts';
import type { Database } from './db/database.ts';
import { LiveUpdates } from './live.ts';
import { RoomService } from './rooms.ts';
import { registerRoutes, type RouteDeps } from './routes.ts';
import type { ScenarioCatalog } from './scenarios.ts';

export interface WorkshopServerOptions {
  db: Database;
  catalog: ScenarioCatalog;
  /** The built game (vite build output) to serve, if any. */
  distDir?: string | null;
  publicUrl?: string | undefined;
  logger?: boolean;
  liveThrottleMs?: number;
  limits?: RouteDeps['limits'];
}

export interface WorkshopServer {
  app: FastifyInstance;
  rooms: RoomService;
  live: LiveUpdates;
  close(): Promise<void>;
}

/** The workshop server's HTTP side: the built game, the projector page and the room API, on one Fastify. */
export async function buildServer(o: WorkshopServerOptions): Promise<WorkshopServer> {
  // Live streams never end on their own: closing the server closes them.
  const app = Fastify({ logger: o.logger ?? false, bodyLimit: 16 * 1024, trustProxy: false, forceCloseConnections: true });
  const live = new LiveUpdates(o.db);
  await live.start();
  // The same Content-Security-Policy as the built pages' <meta> and `vite preview`, on every response.
  app.addHook('onRequest', async (_req, reply) => {
    reply.headers(SECURITY_HEADERS);
  });
  const rooms = new RoomService(o.db, o.catalog, (code) => live.changed(code));
  registerRoutes(app, { rooms, live, catalog: o.catalog, publicUrl: o.publicUrl, liveThrottleMs: o.liveThrottleMs, limits: o.limits });
  if (o.distDir && existsSync(o.distDir)) {
    // The build's brotli and gzip twins of each text file (scripts/vite/precompressed.ts), sent to a
    // browser that accepts them: a room of reps opening the game at once downloads a quarter of the
    // bytes, and the facilitator's laptop compresses nothing per request. (The index as a list: with
    // compressed twins the plugin finds a folder's index only in a list.)
    await app.register(fastifyStatic, { root: o.distDir, index: ['index.html'], wildcard: true, cacheControl: false, preCompressed: true });
  }
  await app.ready();
  return {
    app,
    rooms,
    live,
    async close() {
      live.stop();
      await app.close();
    },
  };
}
