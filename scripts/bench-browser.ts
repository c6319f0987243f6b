/**
 * Browser performance figures for the production build: `npx tsx scripts/bench-browser.ts`.
 * Builds with Vite, serves dist/ with `vite preview`, and prints one line per figure:
 *   menu-interactive-ms   navigation start to the menu's accessible buttons existing (target <= 1000)
 *   js-gzip-kb            gzip size of every dist/**.js (target <= 400)
 *   negotiation-fps       requestAnimationFrame callbacks per second at the table once it is still, over 3 s
 *   negotiation-fps-while-typing   the same while the counterpart's line types out (every frame drawn)
 *   longest-task-ms       longest main-thread task (PerformanceObserver 'longtask') during a negotiation
 *   production-build-game whether a whole game on the built files reaches the debrief without errors
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';
import { weekOfPractice } from '../tests/practice-week.ts';
import { seedRecord } from '../tests/browser/practice-helpers.ts';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, actAndWait, gameSnapshot, sensibleChoice } from '../tests/browser/harness.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');

await build({ root: ROOT, logLevel: 'warn' });

const jsFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsFiles(path) : path.endsWith('.js') ? [path] : [];
  });
const gzipBytes = jsFiles(DIST).reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);

const server = await preview({ root: ROOT, logLevel: 'warn', preview: { port: 0, host: '127.0.0.1', strictPort: false } });
const address = server.httpServer.address();
if (!address || typeof address === 'string') throw new Error('vite preview has no port');
const url = `http://127.0.0.1:${address.port}/`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });

/** Records when the menu's accessible buttons appear, and the longest main-thread task, from page start. */
function instrument(): void {
  const w = window as unknown as { __bench: { menuAt: number; longest: number } };
  w.__bench = { menuAt: -1, longest: 0 };
  new MutationObserver((_m, observer) => {
    // The first interactive screen: the learning path for a new rep, the menu for everyone else.
    if (document.querySelector('#a11y[data-screen="menu"] [data-testid="start"], #a11y[data-screen="path"] [data-testid="path-play"]')) {
      w.__bench.menuAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__bench.longest = Math.max(w.__bench.longest, e.duration);
  }).observe({ type: 'longtask', buffered: true });
}

try {
  // Time to an interactive menu: a fresh browser context each run (cold cache), median of three.
  const runs: { ms: number; marks: string[] }[] = [];
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const cold = await context.newPage();
    await cold.addInitScript(instrument);
    await cold.goto(url);
    await cold.waitForFunction(() => (window as unknown as { __bench: { menuAt: number } }).__bench.menuAt >= 0);
    const ms = await cold.evaluate(() => (window as unknown as { __bench: { menuAt: number } }).__bench.menuAt);
    const marks = await cold.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name.replace('walkaway:', '')}=${Math.round(m.startTime)}`));
    runs.push({ ms, marks });
    await context.close();
  }
  runs.sort((a, b) => a.ms - b.ms);
  const median = runs[1]!;

  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(instrument);
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __bench: { menuAt: number } }).__bench.menuAt >= 0);

  // Into the negotiation of the first built-in scenario; the longest task counts from here.
  const step = (id: string) => actAndWait(page, id);
  if ((await page.getAttribute('#a11y', 'data-screen')) === 'path') await step('to-menu');
  await step('start');
  await step('briefing-continue');
  while ((await gameSnapshot(page))!.phase === 'prep') await step(`choice-${sensibleChoice((await gameSnapshot(page))!)}`);
  await page.evaluate(() => ((window as unknown as { __bench: { longest: number } }).__bench.longest = 0));
  for (let i = 0; i < 2; i++) {
    const snap = (await gameSnapshot(page))!;
    if (snap.over) break;
    await step(`choice-${sensibleChoice(snap)}`);
  }
  // Frames per second in the page, over `ms`. A string, not a function: tsx's name-keeping helper
  // (__name) does not exist inside the page.
  const measureFps = (ms: number) =>
    page.evaluate<number>(`new Promise((resolve) => {
      let frames = 0;
      const start = performance.now();
      const tick = (now) => {
        frames++;
        if (now - start < ${ms}) requestAnimationFrame(tick);
        else resolve((frames * 1000) / (now - start));
      };
      requestAnimationFrame(tick);
    })`);
  // While the counterpart's line types out, Phaser draws every frame; once the table is still, the
  // game loop sleeps until something changes (src/game/render-on-change.ts). Both figures matter.
  const snapBefore = (await gameSnapshot(page))!;
  await step(`choice-${sensibleChoice(snapBefore)}`);
  const typingFps = await measureFps(1200);
  await page.waitForTimeout(2500);
  const fps = await measureFps(3000);
  const longest = await page.evaluate(() => (window as unknown as { __bench: { longest: number } }).__bench.longest);

  // Finish the game on the production build too: a smoke test of what actually ships.
  for (let guard = 0; guard < 40; guard++) {
    const snap = (await gameSnapshot(page))!;
    if (snap.over) break;
    await step(`choice-${sensibleChoice(snap)}`);
  }
  const reachedDebrief = (await page.getAttribute('#a11y', 'data-screen')) === 'debrief';

  console.log(`menu-interactive-ms ${Math.round(median.ms)}   (median of 3 cold loads: ${runs.map((r) => Math.round(r.ms)).join(', ')}; median run: ${median.marks.join(' ')})`);
  console.log(`js-gzip-kb ${Math.round(gzipBytes / 1024)}`);
  console.log(`negotiation-fps ${fps.toFixed(1)}   (table on screen, still: the game draws only on change)`);
  console.log(`negotiation-fps-while-typing ${typingFps.toFixed(1)}   (a line typing out: every frame drawn, in software WebGL here)`);
  console.log(`longest-task-ms ${Math.round(longest)}`);
  console.log(`production-build-game ${reachedDebrief ? 'reached-debrief' : 'DID-NOT-FINISH'} errors=${errors.length}${errors.length ? ` first: ${errors[0]}` : ''}`);
  if (!reachedDebrief || errors.length) process.exitCode = 1;

  // The practice record at 1,000 finished negotiations: start-up with it, and opening the progress screen.
  const record = weekOfPractice(1000);
  const seeded = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const rep = await seeded.newPage();
  await rep.addInitScript(instrument);
  await rep.goto(url);
  await rep.waitForFunction(() => (window as unknown as { __bench: { menuAt: number } }).__bench.menuAt >= 0);
  await seedRecord(rep, record);
  const starts: number[] = [];
  const opens: number[] = [];
  for (let i = 0; i < 3; i++) {
    await rep.reload();
    await rep.waitForFunction(() => (window as unknown as { __bench: { menuAt: number } }).__bench.menuAt >= 0);
    starts.push(await rep.evaluate(() => (window as unknown as { __bench: { menuAt: number } }).__bench.menuAt));
    // From the press of "Your progress" to the progress screen's controls existing and one frame drawn.
    // A string, not a function: tsx's name-keeping helper (__name) does not exist inside the page.
    opens.push(
      await rep.evaluate<number>(`new Promise((resolve) => {
        const t0 = performance.now();
        new MutationObserver((_m, o) => {
          if (document.querySelector('#a11y[data-screen="progress"] [data-testid="export-record"]')) {
            o.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - t0));
          }
        }).observe(document, { childList: true, subtree: true, attributes: true });
        document.querySelector('#a11y [data-testid="to-progress"]').click();
      })`),
    );
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
  console.log(`start-with-1000-games-ms ${Math.round(med(starts))}   (menu interactive after a reload with 1,000 finished negotiations in IndexedDB; runs ${starts.map(Math.round).join(', ')})`);
  console.log(`progress-screen-1000-games-ms ${Math.round(med(opens))}   (press to interactive progress screen, 1,000 games; target 150; runs ${opens.map(Math.round).join(', ')})`);
  await seeded.close();
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
