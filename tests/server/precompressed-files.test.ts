import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/server/db/migrate.ts';
import { TestDatabases, startTestServer } from './test-server.ts';

/**
 * The workshop server sends the build's compressed twin of a file (scripts/vite/precompressed.ts) to a
 * browser that accepts it, and the file itself to one that does not: what the rep's browser decodes is
 * the file either way.
 */
const dbs = new TestDatabases();
const dist = mkdtempSync(join(tmpdir(), 'walkaway-dist-'));
afterAll(() => {
  dbs.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('workshop server compressed files', () => {
  it('sends brotli, then gzip, then the plain file, as the browser accepts', async () => {
    const script = `export const lines = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `line ${i} of the game's code`))};\n`;
    mkdirSync(join(dist, 'assets'));
    const page = `<!doctype html><title>game</title>${'<p>The learning path.</p>'.repeat(60)}`;
    writeFileSync(join(dist, 'index.html'), page);
    writeFileSync(join(dist, 'index.html.br'), brotliCompressSync(page));
    writeFileSync(join(dist, 'assets', 'main-test.js'), script);
    writeFileSync(join(dist, 'assets', 'main-test.js.br'), brotliCompressSync(script));
    writeFileSync(join(dist, 'assets', 'main-test.js.gz'), gzipSync(script));
    const db = await dbs.open(await dbs.location('pglite'));
    await migrate(db);
    const server = await startTestServer(db, { distDir: dist });
    try {
      const get = (acceptEncoding?: string) =>
        server.app.inject({ method: 'GET', url: '/assets/main-test.js', headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

      const chromium = await get('gzip, deflate, br, zstd');
      expect(chromium.statusCode).toBe(200);
      expect(chromium.headers['content-encoding']).toBe('br');
      expect(chromium.headers['content-type']).toMatch(/javascript/);
      expect(chromium.rawPayload.length).toBeLessThan(script.length / 4);
      expect(brotliDecompressSync(chromium.rawPayload).toString()).toBe(script);
      expect(chromium.headers.vary).toMatch(/accept-encoding/i);

      const gzipOnly = await get('gzip');
      expect(gzipOnly.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gzipOnly.rawPayload).toString()).toBe(script);

      // The game's address (a room link too) is the folder: its index, compressed.
      for (const url of ['/', '/?room=ABC123']) {
        const index = await server.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
        expect(index.statusCode, url).toBe(200);
        expect(index.headers['content-type'], url).toMatch(/text\/html/);
        expect(brotliDecompressSync(index.rawPayload).toString(), url).toBe(page);
      }

      const plain = await get();
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.payload).toBe(script);
    } finally {
      await server.close();
      await db.close();
    }
  });
});
