import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/web/content-security-policy.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { TestDatabases, startTestServer } from './test-server.ts';

/** The workshop server sends the pages' Content-Security-Policy, with the built files and the API alike. */
const dbs = new TestDatabases();
const dist = mkdtempSync(join(tmpdir(), 'walkaway-dist-'));
afterAll(() => {
  dbs.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('workshop server security headers', () => {
  it('sends the strict policy with the game page, the workshop page and API answers', async () => {
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>game</title>');
    writeFileSync(join(dist, 'workshop.html'), '<!doctype html><title>workshop</title>');
    const db = await dbs.open(await dbs.location('pglite'));
    await migrate(db);
    const server = await startTestServer(db, { distDir: dist });
    try {
      for (const url of ['/', '/workshop.html', '/api/scenarios']) {
        const res = await server.app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['content-security-policy'], url).toBe(CONTENT_SECURITY_POLICY);
        expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      }
      expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
      expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    } finally {
      await server.close();
      await db.close();
    }
  });
});
