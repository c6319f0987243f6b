/**
 * One workshop server process for scripts/bench-workshop.ts: the room API only (no game files), on
 * PORT, with DATABASE_URL or a PGlite folder in WALKAWAY_DATA. Prints one JSON line when listening.
 */
import { buildServer } from '../src/server/app.ts';
import { configFromEnv } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/open.ts';
import { shippedCatalog } from '../src/server/scenarios.ts';

const config = configFromEnv();
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const server = await buildServer({ db, catalog: shippedCatalog(), distDir: null });
const url = await server.app.listen({ port: config.port, host: config.host });
console.log(JSON.stringify({ url, pid: process.pid }));
const stop = async () => {
  await server.close();
  await db.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
