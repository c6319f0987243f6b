import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { unzipSync } from 'fflate';
import type { Frame, Page } from 'playwright-core';
import { buildLmsPackage, type BuiltPackage, type PackageOptions } from '../../src/cli/package.ts';
import { ROOT, sensibleChoice, type PageSnapshot } from './harness.ts';

/**
 * Shared set-up for the LMS browser tests: builds a package (once per test file), unzips it, and
 * serves it from a small static server on 127.0.0.1 together with the test LMS page and scorm-again's
 * browser build. Tests may add their own routes (a loopback LRS).
 */
export interface PackageSite {
  built: BuiltPackage;
  /** Files of the zip, by path. */
  zip: Record<string, Uint8Array>;
  url: string;
  /** Extra handlers, tried before the static files; return true when handled. */
  routes: ((req: IncomingMessage, res: ServerResponse, body: string) => boolean)[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.json': 'application/json',
};

/** Starts the server first (port 0), so a package can be built with this server's address in it. */
export async function startSite(): Promise<{ url: string; server: Server; routes: PackageSite['routes']; mounts: Map<string, string> }> {
  const routes: PackageSite['routes'] = [];
  const mounts = new Map<string, string>([
    ['/lms/', join(ROOT, 'tests/browser/fixtures/lms/')],
    ['/scorm-again/', join(ROOT, 'node_modules/scorm-again/dist/')],
  ]);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      try {
        for (const route of routes) if (route(req, res, body)) return;
      } catch (e) {
        res.writeHead(500).end(String(e));
        return;
      }
      void serveStatic(mounts, req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${address.port}`, server, routes, mounts };
}

async function serveStatic(mounts: Map<string, string>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  for (const [prefix, dir] of mounts) {
    if (!path.startsWith(prefix)) continue;
    const rel = normalize(path.slice(prefix.length) || 'index.html');
    if (rel.startsWith('..')) break;
    try {
      const data = await readFile(join(dir, rel));
      res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(data);
      return;
    } catch {
      break;
    }
  }
  res.writeHead(404).end('not found');
}

/** Builds the package, unzips it into a temporary folder and serves it under /course/. */
export async function packageSite(options: (url: string) => PackageOptions): Promise<PackageSite> {
  const site = await startSite();
  const dir = mkdtempSync(join(tmpdir(), 'walkaway-lms-test-'));
  try {
    const built = await buildLmsPackage({ ...options(site.url), out: join(dir, 'package.zip') });
    const zip = unzipSync(new Uint8Array(readFileSync(built.file)));
    const course = join(dir, 'course');
    for (const [name, data] of Object.entries(zip)) {
      if (name.endsWith('/')) continue;
      mkdirSync(dirname(join(course, name)), { recursive: true });
      writeFileSync(join(course, name), data);
    }
    site.mounts.set('/course/', `${course}/`);
    return {
      built,
      zip,
      url: site.url,
      routes: site.routes,
      async close() {
        site.server.closeAllConnections();
        await new Promise<void>((resolve) => site.server.close(() => resolve()));
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    site.server.close();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** The course frame once the game in it shows a screen. */
export async function courseFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('#course');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the course frame has no document');
  await frame.waitForSelector('#a11y[data-screen]:not([data-screen="loading"])', { state: 'attached' });
  return frame;
}

export async function frameSnapshot(frame: Frame | Page): Promise<(PageSnapshot & { screen: string }) | null> {
  return frame.evaluate(() => {
    const s = window.__walkaway?.snapshot();
    return s
      ? {
          turn: s.turn,
          phase: s.phase,
          line: s.line,
          terms: s.terms,
          over: s.over,
          stage: s.stage,
          value: s.value,
          walkAwayValue: s.walkAwayValue,
          choices: s.choices.map((c) => ({ id: c.id, tags: c.tags })),
          screen: document.getElementById('a11y')?.dataset['screen'] ?? '',
        }
      : null;
  });
}

/** Acts through the accessibility layer of a frame and waits for the next drawn screen. */
export async function actIn(frame: Frame | Page, testid: string): Promise<void> {
  const before = Number(await frame.getAttribute('#a11y', 'data-render'));
  await frame.locator(`[data-testid="${testid}"]`).dispatchEvent('click');
  await frame.waitForFunction((n) => Number(document.getElementById('a11y')?.dataset['render']) > n, before);
}

/** From the briefing, plays `moves` sensible decisions (all of them when omitted) through the text layer. */
export async function playSensibly(frame: Frame | Page, moves = Infinity): Promise<void> {
  if ((await frame.getAttribute('#a11y', 'data-screen')) === 'briefing') await actIn(frame, 'briefing-continue');
  for (let i = 0; i < moves; i++) {
    const snap = await frameSnapshot(frame);
    if (!snap || snap.over) return;
    await actIn(frame, `choice-${sensibleChoice(snap)}`);
  }
}

/** Waits until every LMS call the game has made so far is answered. */
export async function lmsSettled(frame: Frame | Page): Promise<void> {
  await frame.evaluate(() => window.__walkawayLms?.settled());
}
