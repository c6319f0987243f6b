import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session, type SessionSnapshot } from '../../src/engine/index.ts';
import { buildServer, type WorkshopServer } from '../../src/server/app.ts';
import type { RouteDeps } from '../../src/server/routes.ts';
import type { Database } from '../../src/server/db/database.ts';
import { openDatabase } from '../../src/server/db/open.ts';
import { shippedCatalog, type ScenarioCatalog } from '../../src/server/scenarios.ts';
import { startPostgres, type PostgresCluster } from './postgres-cluster.ts';

/** The two databases every server test runs on. */
export const DATABASE_KINDS = ['pglite', 'postgres'] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

let catalog: ScenarioCatalog | null = null;
export const testCatalog = () => (catalog ??= shippedCatalog());

/**
 * A place to keep a database across a server restart: a PGlite folder, or a database on a throwaway
 * PostgreSQL cluster (one per test file, started on first use).
 */
export class TestDatabases {
  private cluster: PostgresCluster | null = null;
  private readonly dirs: string[] = [];
  private n = 0;

  /** A new, empty database location of this kind. */
  async location(kind: DatabaseKind): Promise<{ kind: DatabaseKind; url?: string; dir?: string }> {
    if (kind === 'postgres') {
      this.cluster ??= await startPostgres();
      return { kind, url: await this.cluster.createDatabase(`walkaway_test_${process.pid}_${++this.n}`) };
    }
    const dir = mkdtempSync(join(tmpdir(), 'walkaway-pglite-'));
    this.dirs.push(dir);
    return { kind, dir };
  }

  async open(loc: { url?: string; dir?: string }): Promise<Database> {
    return openDatabase({ databaseUrl: loc.url, dataDir: loc.dir ?? null });
  }

  close(): void {
    this.cluster?.stop();
    for (const d of this.dirs) rmSync(d, { recursive: true, force: true });
  }
}

export async function startTestServer(
  db: Database,
  o: { distDir?: string | null; liveThrottleMs?: number; limits?: RouteDeps['limits'] } = {},
): Promise<WorkshopServer> {
  return buildServer({
    db,
    catalog: testCatalog(),
    distDir: o.distDir ?? null,
    liveThrottleMs: o.liveThrottleMs ?? 20,
    ...(o.limits ? { limits: o.limits } : {}),
  });
}

/** A rep who prepares, asks, trades and holds, and accepts once a deal above the walk-away is on the table. */
export function sensibleMove(s: SessionSnapshot): string {
  const accept = s.choices.find((c) => c.tags.includes('accept'));
  if (accept && (s.stage === 'closing' || s.turn > 12) && s.value >= s.walkAwayValue) return accept.id;
  const avoid = ['walk-away', 'threat', 'batna:weak', 'pace:panic', 'concede', 'claim:alternative'];
  const safe = s.choices.filter((c) => !c.tags.some((t) => avoid.includes(t)));
  const pool = safe.length ? safe : s.choices;
  if (s.turn > 14) return (accept ?? pool[0]!).id;
  for (const tag of ['prep', 'ask:batna', 'trade', 'batna:strong', 'hold', 'accept']) {
    const hit = pool.find((c) => c.tags.includes(tag));
    if (hit) return hit.id;
  }
  return pool[0]!.id;
}

/** A rep who gives in: concedes, shows need, and takes the first thing offered (a different score). */
export function weakMove(s: SessionSnapshot): string {
  for (const tag of ['batna:weak', 'concede', 'pace:panic', 'accept']) {
    const hit = s.choices.find((c) => c.tags.includes(tag));
    if (hit) return hit.id;
  }
  return s.choices[0]!.id;
}

/** Plays a seat's negotiation locally, move by move, as the rep's browser would. */
export function localSession(seat: { scenarioId: string; personaId: string; seed: number; mode: 'coach' | 'practice' | 'assessment' }): Session {
  return Session.create(testCatalog().get(seat.scenarioId)!, seat.personaId, seat.seed, seat.mode);
}
