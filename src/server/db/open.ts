import type { Database } from './database.ts';
import { migrate } from './migrate.ts';

/** Opens the database the environment names (DATABASE_URL, else PGlite in `dataDir`) and migrates it. */
export async function openDatabase(o: { databaseUrl?: string | undefined; dataDir: string | null }): Promise<Database> {
  let db: Database;
  if (o.databaseUrl) {
    const { openPostgres } = await import('./pg-adapter.ts');
    db = await openPostgres(o.databaseUrl);
  } else {
    const { openPglite } = await import('./pglite-adapter.ts');
    db = await openPglite(o.dataDir);
  }
  await migrate(db);
  return db;
}
