/**
 * Cold start of builds of the game side by side, with the bare Phaser page as the yardstick:
 * `npx tsx scripts/bench/start-ab.ts <dist-a> <dist-b> [<dist-c>…] [rounds=9]`, where each dist is a
 * production build (`npx vite build --outDir /tmp/a` on each version). Each round loads the bare page
 * and every build in turn (the order rotating from round to round), each in a fresh browser context
 * (empty cache, no service worker), so all see the same machine load; the load average is printed with
 * every round. For each build: the median time to the first screen's accessible buttons, its ratio to
 * the bare page's median `create()` and the median of its ratios within each round (steadier when the
 * load moves), the JavaScript it asked for before then (by request start) and what of it had arrived,
 * and the marks of the median load.
 */
import { execSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { preview, type PreviewServer } from 'vite';
import { buildBarePhaser } from './build-bare-phaser.ts';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../tests/browser/harness.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const rounds = args.length > 2 && /^\d+$/.test(args.at(-1)!) ? Number(args.pop()) : 9;
const dists = args.map((d) => resolve(d));
if (dists.length < 2 || !(rounds > 0)) throw new Error('usage: start-ab.ts <dist-a> <dist-b> [<dist-c>…] [rounds]');
const names = dists.map((_d, i) => String.fromCharCode(65 + i));

const BARE = await buildBarePhaser(ROOT);

async function serve(outDir: string, configFile?: false): Promise<{ url: string; server: PreviewServer }> {
  const server = await preview({
    root: ROOT,
    ...(configFile === false ? { configFile } : {}),
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview has no port');
  return { url: `http://127.0.0.1:${address.port}/`, server };
}

/** Records when the first screen's accessible buttons appear (as scripts/bench-browser.ts does). */
function instrument(): void {
  const w = window as unknown as { __bench: { menuAt: number } };
  w.__bench = { menuAt: -1 };
  new MutationObserver((_m, observer) => {
    if (document.querySelector('#a11y[data-screen="menu"] [data-testid="start"], #a11y[data-screen="path"] [data-testid="path-play"]')) {
      w.__bench.menuAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

interface Load {
  ms: number;
  marks: string;
  askedKb: number;
  arrivedKb: number;
}
const gzipKb = (dir: string, path: string) => gzipSync(readFileSync(join(dir, path)), { level: 9 }).length / 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const loadAverage = () =>
  execSync('uptime')
    .toString()
    .trim()
    .replace(/.*load/, 'load');

const servers = await Promise.all(dists.map((d) => serve(d)));
const bare = await serve(BARE, false);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
try {
  const games: Load[][] = dists.map(() => []);
  const bareMs: number[] = [];
  const loadGame = async (url: string, dir: string): Promise<Load> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.addInitScript(instrument);
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __bench: { menuAt: number } }).__bench.menuAt >= 0);
    // A request is in the resource timing once it has ended: let the network go quiet first.
    await page.waitForLoadState('networkidle');
    const seen = await page.evaluate(() => {
      const menuAt = (window as unknown as { __bench: { menuAt: number } }).__bench.menuAt;
      const js = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.name.endsWith('.js'));
      // No named helper functions in here: tsx's name-keeping helper (__name) does not exist in the page.
      return {
        menuAt,
        marks: performance.getEntriesByType('mark').map((m) => `${m.name.replace('walkaway:', '')}=${Math.round(m.startTime)}`),
        asked: js.filter((r) => r.startTime <= menuAt).map((r) => new URL(r.name).pathname),
        arrived: js.filter((r) => r.responseEnd <= menuAt).map((r) => new URL(r.name).pathname),
      };
    });
    await context.close();
    const kb = (paths: string[]) => paths.reduce((sum, p) => sum + gzipKb(dir, p), 0);
    return { ms: seen.menuAt, marks: seen.marks.join(' '), askedKb: kb(seen.asked), arrivedKb: kb(seen.arrived) };
  };
  const loadBare = async (): Promise<number> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(`${bare.url}scripts/bench/bare-phaser.html`);
    await page.waitForFunction(() => performance.getEntriesByName('bare:create').length > 0);
    const ms = await page.evaluate(() => performance.getEntriesByName('bare:create')[0]!.startTime);
    await context.close();
    return ms;
  };
  for (let i = 0; i < rounds; i++) {
    const before = loadAverage();
    // Rotate the order so no build always follows the bare page.
    const order = [-1, ...dists.keys()];
    for (let k = 0; k < order.length; k++) {
      const which = order[(k + i) % order.length]!;
      if (which < 0) bareMs.push(await loadBare());
      else games[which]!.push(await loadGame(servers[which]!.url, dists[which]!));
    }
    console.log(
      `round ${i + 1} (${before}): bare ${Math.round(bareMs.at(-1)!)}  ${names.map((n, w) => `${n} ${Math.round(games[w]!.at(-1)!.ms)}`).join('  ')}`,
    );
  }
  const bareMedian = median(bareMs);
  console.log(`bare-phaser-create-ms ${Math.round(bareMedian)}   (${bareMs.map(Math.round).join(', ')})`);
  for (const [w, dir] of dists.entries()) {
    const runs = games[w]!;
    const ms = median(runs.map((r) => r.ms));
    const mid = runs.find((r) => r.ms === ms)!;
    const perRound = median(runs.map((r, round) => r.ms / bareMs[round]!));
    console.log(
      `${names[w]} ${dir}: menu-interactive-ms ${Math.round(ms)} (${runs.map((r) => Math.round(r.ms)).join(', ')}), ${(ms / bareMedian).toFixed(2)}x bare; within rounds ${perRound.toFixed(2)}x`,
    );
    console.log(
      `   JavaScript asked for before interactive ${Math.round(mid.askedKb)} KB, of which arrived by then ${Math.round(mid.arrivedKb)} KB; marks: ${mid.marks}`,
    );
  }
  console.log(loadAverage());
} finally {
  await browser.close();
  for (const s of [...servers, bare]) await new Promise<void>((done) => s.server.httpServer.close(() => done()));
  rmSync(BARE, { recursive: true, force: true });
}
