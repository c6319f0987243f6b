import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { buildServer } from './app.ts';
import { configFromEnv, PROJECT_ROOT } from './config.ts';
import { openDatabase } from './db/open.ts';
import { shippedCatalog } from './scenarios.ts';

/**
 * `npm run workshop`: builds the game once if dist/ is missing, opens the database (embedded PGlite in
 * WALKAWAY_DATA, or DATABASE_URL), and serves the game, the projector page and the room API.
 */
export async function startWorkshop(): Promise<void> {
  const config = configFromEnv();
  if (!existsSync(join(config.distDir, 'index.html')) || !existsSync(join(config.distDir, 'workshop.html'))) {
    console.log('walkaway: building the game for the workshop (first run only; about a minute)…');
    const { build } = await import('vite');
    await build({ root: PROJECT_ROOT, logLevel: 'info' });
  }
  const fresh = !config.databaseUrl && !existsSync(join(config.dataDir, 'PG_VERSION'));
  console.log(
    config.databaseUrl
      ? 'walkaway: using the PostgreSQL server in DATABASE_URL'
      : `walkaway: keeping rooms in ${config.dataDir}${fresh ? ' (creating the database: the first time takes up to a minute)' : ''}…`,
  );
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const server = await buildServer({ db, catalog: shippedCatalog(), distDir: config.distDir, publicUrl: config.publicUrl });
  await server.app.listen({ port: config.port, host: config.host });
  const address = server.app.server.address();
  const port = address && typeof address === 'object' ? address.port : config.port;
  const hosts = config.host === '0.0.0.0' || config.host === '::' ? lanAddresses() : [config.host];
  const base = config.publicUrl ?? `http://${hosts[0]}:${port}`;
  console.log(`\nWalkaway workshop server is running.\n\n  Facilitator: open ${base}/workshop.html to create a room\n`);
  if (config.host === '127.0.0.1' || config.host === 'localhost') {
    console.log('  (Only this computer can reach it. For reps on other devices: HOST=0.0.0.0 npm run workshop)\n');
  }
  console.log('Press Ctrl+C to stop; rooms are kept and survive a restart.');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

function lanAddresses(): string[] {
  const found = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
  return found.length ? found : ['127.0.0.1'];
}
