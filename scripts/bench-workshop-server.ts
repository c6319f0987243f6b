/**
 * One workshop server process for scripts/bench-workshop.ts: the room API only (no game files), on
 * PORT, with DATABASE_URL or a PGlite folder in WALKAWAY_DATA. Prints one JSON line when listening.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildServer } from '../src/server/app.ts';
import { configFromEnv } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/open.ts';
import { shippedCatalog } from '../src/server/scenarios.ts';

const config = configFromEnv();
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const server = await buildServer({ db, catalog: shippedCatalog(), distDir: null });
const url = await server.app.listen({ port: config.port, host: config.host });
console.log(JSON.stringify({ url, pid: process.pid }));

// Where the time goes, told on exit: time spent inside the server per request, and event-loop delay.
const handled: number[] = [];
server.app.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
  const t = performance.now();
  res.once('finish', () => {
    if (req.method === 'POST' && req.url?.endsWith('/me/moves')) handled.push(performance.now() - t);
  });
});
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const stop = async () => {
  const sorted = handled.sort((a, b) => a - b);
  const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0);
  console.error(
    JSON.stringify({
      serverMoveMs: { p50: at(0.5), p99: at(0.99), n: sorted.length },
      eventLoopDelayMs: { p50: Math.round(loop.percentile(50) / 1e6), p99: Math.round(loop.percentile(99) / 1e6) },
    }),
  );
  await server.close();
  await db.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
