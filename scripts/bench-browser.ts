/**
 * Browser performance figures for the production build: `npx tsx scripts/bench-browser.ts`.
 * Builds the game and a bare Phaser page (the same custom Phaser build, one empty scene: see
 * scripts/bench/bare-phaser.ts), serves both with `vite preview`, and prints one line per figure:
 *   bare-phaser-create-ms      navigation start to the bare page's create() (median of 7 cold loads)
 *   menu-interactive-ms        navigation start to the menu's accessible buttons existing (median of 7,
 *                              loaded in turn with the bare page)
 *   menu-vs-bare               the ratio of the two (target <= 1.3), and the median of each pair's ratio
 *   initial-js-gzip-kb         gzip -9 of the JavaScript the page asked for before the menu was interactive, whether or
 *                              not its download had finished by then (target <= 250)
 *   all-js-gzip-kb             gzip -9 of every dist/**.js (what loads later too: the engine, the YAML parser)
 *   negotiation-fps            requestAnimationFrame callbacks per second at the table once it is still (target 60)
 *   negotiation-fps-while-typing   the same while the counterpart's line types out (target >= 45)
 *   longest-task-ms            longest main-thread task from the first prep choice to the debrief drawn (target <= 50),
 *                              from a Chromium trace of the page's main thread (the Long Tasks API sees only tasks
 *                              over 50 ms), with the count and total of the tasks over 50 ms
 *   production-build-game      whether a whole game on the built files reaches the debrief without errors
 *   start-with-0-games-ms, start-with-1000-games-ms, progress-screen-1000-games-ms
 *                              reloads to the menu with an empty record and with 1,000 games, and the
 *                              press on "Your progress" to its controls and one frame (median of 3)
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, preview, type PreviewServer } from 'vite';
import { buildBarePhaser } from './bench/build-bare-phaser.ts';
import { endTrace, mainThreadTasks } from './bench/trace.ts';
import { chromium, type Browser, type CDPSession } from 'playwright-core';
import { weekOfPractice } from '../tests/practice-week.ts';
import { seedRecord } from '../tests/browser/practice-helpers.ts';
import { CHROMIUM_ARGS, actAndWait, gameSnapshot, sensibleChoice } from '../tests/browser/harness.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/**
 * Cold loads of each page for the first-screen figures. On this 2-core machine one cold load of the
 * bare page alone varies from about 170 to 340 ms; seven of each, in pairs, keep a chance swing of
 * one load out of the medians.
 */
const COLD_LOADS = 7;
const DIST = join(ROOT, 'dist');
await build({ root: ROOT, logLevel: 'warn' });
const BARE = await buildBarePhaser(ROOT);

const jsFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsFiles(path) : path.endsWith('.js') ? [path] : [];
  });
const gzipKb = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;
const allJsKb = jsFiles(DIST)
  .filter((f) => !f.endsWith('sw.js') && !/workbox-[^/]+\.js$/.test(f))
  .reduce((sum, f) => sum + gzipKb(f), 0);

async function serve(options: Parameters<typeof preview>[0]): Promise<{ url: string; server: PreviewServer }> {
  const server = await preview({ ...options, logLevel: 'warn', preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview has no port');
  return { url: `http://127.0.0.1:${address.port}/`, server };
}
const game = await serve({ root: ROOT });
const bare = await serve({ root: ROOT, configFile: false, build: { outDir: BARE } });
const browser: Browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });

/** Records when the menu's accessible buttons appear, and the longest main-thread task, from page start. */
function instrument(): void {
  const w = window as unknown as { __bench: { menuAt: number; longest: number; long: number[] } };
  w.__bench = { menuAt: -1, longest: 0, long: [] };
  new MutationObserver((_m, observer) => {
    // The first interactive screen: the learning path for a new rep, the menu for everyone else.
    if (document.querySelector('#a11y[data-screen="menu"] [data-testid="start"], #a11y[data-screen="path"] [data-testid="path-play"]')) {
      w.__bench.menuAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      w.__bench.longest = Math.max(w.__bench.longest, e.duration);
      if (e.duration > 50) w.__bench.long.push(e.duration);
    }
  }).observe({ type: 'longtask', buffered: true });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Ends the trace started on `cdp` and returns its longest task of the page's main thread between the
 * marks `bench:window-start` and `bench:window-end`, in ms.
 */
async function longestTracedTask(cdp: CDPSession): Promise<number> {
  const events = await endTrace(cdp);
  const start = events.find((e) => e.name === 'bench:window-start');
  const end = events.find((e) => e.name === 'bench:window-end');
  if (!start || !end) throw new Error('the trace has no window marks');
  const tasks = mainThreadTasks(events, start.pid).filter((e) => e.ts >= start.ts && e.ts + (e.dur ?? 0) <= end.ts);
  return Math.max(0, ...tasks.map((e) => (e.dur ?? 0) / 1000));
}

try {
  // Cold loads (a fresh browser context each: empty cache, no service worker), bare page and game in
  // turn so both see the same machine.
  const bareRuns: number[] = [];
  const bareStarts: number[] = [];
  const menuRuns: { ms: number; marks: string[]; initialKb: number }[] = [];
  const loadBare = async (): Promise<void> => {
    const bareContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const barePage = await bareContext.newPage();
    await barePage.goto(`${bare.url}scripts/bench/bare-phaser.html`);
    await barePage.waitForFunction(() => performance.getEntriesByName('bare:create').length > 0);
    bareRuns.push(await barePage.evaluate(() => performance.getEntriesByName('bare:create')[0]!.startTime));
    bareStarts.push(await barePage.evaluate(() => performance.getEntriesByName('bare:script-start')[0]?.startTime ?? Number.NaN));
    await bareContext.close();
  };
  for (let i = 0; i < COLD_LOADS; i++) {
    // Each pair in turn; the page loaded first alternates, so neither always follows the other.
    if (i % 2 === 0) await loadBare();
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const cold = await context.newPage();
    await cold.addInitScript(instrument);
    await cold.goto(game.url);
    await cold.waitForFunction(() => (window as unknown as { __bench: { menuAt: number } }).__bench.menuAt >= 0);
    const ms = await cold.evaluate(() => (window as unknown as { __bench: { menuAt: number } }).__bench.menuAt);
    // The JavaScript the page asked for before the menu was interactive, by the page's own resource
    // timing: by when each request started, not when it ended, so a slow machine (or network) that is
    // still downloading a chunk when the buttons appear counts it all the same (a request is listed once
    // it has ended: wait for the network to go quiet first).
    await cold.waitForLoadState('networkidle');
    // Where the time went (marks in src/game), storage-read included, which may come after the menu.
    const marks = await cold.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name.replace('walkaway:', '')}=${Math.round(m.startTime)}`));
    const fetched = await cold.evaluate(
      (menuAt) =>
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((r) => r.name.endsWith('.js') && r.startTime <= menuAt)
          .map((r) => new URL(r.name).pathname),
      ms,
    );
    menuRuns.push({ ms, marks, initialKb: fetched.reduce((sum, path) => sum + gzipKb(join(DIST, path)), 0) });
    await context.close();
    if (i % 2 === 1) await loadBare();
  }
  const bareMs = median(bareRuns);
  const menuMedian = [...menuRuns].sort((a, b) => a.ms - b.ms)[Math.floor(COLD_LOADS / 2)]!;
  const pairRatio = median(menuRuns.map((r, i) => r.ms / bareRuns[i]!));

  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(instrument);
  await page.goto(game.url);
  await page.waitForFunction(() => (window as unknown as { __bench: { menuAt: number } }).__bench.menuAt >= 0);

  // Into the preparation of the first built-in scenario; the longest task counts from the first prep choice.
  const step = (id: string) => actAndWait(page, id);
  if ((await page.getAttribute('#a11y', 'data-screen')) === 'path') await step('to-menu');
  const choose = async () => step(`choice-${sensibleChoice((await gameSnapshot(page))!)}`);
  await step('start');
  await step('briefing-continue');
  // Every main-thread task of the window from a trace (top-level tasks only: little overhead).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', { categories: 'toplevel,blink.user_timing', transferMode: 'ReturnAsStream' });
  await page.evaluate(() => {
    const bench = (window as unknown as { __bench: { longest: number; long: number[] } }).__bench;
    bench.longest = 0;
    bench.long = [];
    performance.mark('bench:window-start');
  });
  while ((await gameSnapshot(page))!.phase === 'prep') await choose();
  await choose();
  // Frames per second in the page, over `ms`, counted only while `typing` holds. A string, not a
  // function: tsx's name-keeping helper (__name) does not exist inside the page.
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
  // While the counterpart's line types out the game draws every frame; once the table is still, the
  // game loop sleeps until something changes (src/game/render-on-change.ts). Both figures matter.
  // Still: once the game loop has gone to sleep (a few quiet frames after the last change).
  await page.waitForFunction(() => window.__walkaway?.drawing === false, undefined, { timeout: 60_000 });
  const fps = await measureFps(3000);
  const snapBefore = (await gameSnapshot(page))!;
  await step(`choice-${sensibleChoice(snapBefore)}`);
  const typingFps = await measureFps(1000);

  for (let guard = 0; guard < 40; guard++) {
    const snap = (await gameSnapshot(page))!;
    if (snap.over) break;
    await choose();
  }
  const reachedDebrief = (await page.getAttribute('#a11y', 'data-screen')) === 'debrief';
  // The window ends with the debrief on screen: its text version exists when its build starts, and its
  // canvas is built and drawn in the tasks after that. Read the tasks once the game loop has gone to
  // sleep (the debrief drawn) and the page has been idle, so the long-task observer has reported them
  // all (before, the figure was read as soon as the text version appeared and could miss the last ones).
  if (reachedDebrief) {
    await page.waitForFunction(() => window.__walkaway?.drawing === false, undefined, { timeout: 60_000 });
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve(null), { timeout: 1000 })));
  }
  const { long } = await page.evaluate(() => {
    performance.mark('bench:window-end');
    return (window as unknown as { __bench: { long: number[] } }).__bench;
  });
  const longest = await longestTracedTask(cdp);

  const bareMedianRun = bareRuns.indexOf(bareMs);
  console.log(
    `bare-phaser-create-ms ${Math.round(bareMs)}   (median of ${COLD_LOADS} cold loads: ${bareRuns.map(Math.round).join(', ')}; median run: script-start=${Math.round(bareStarts[bareMedianRun]!)})`,
  );
  console.log(
    `menu-interactive-ms ${Math.round(menuMedian.ms)}   (median of ${COLD_LOADS} cold loads: ${menuRuns.map((r) => Math.round(r.ms)).join(', ')}; median run: ${menuMedian.marks.join(' ')})`,
  );
  console.log(
    `menu-vs-bare ${(menuMedian.ms / bareMs).toFixed(2)}   (the two medians; the median of the ${COLD_LOADS} pairs' own ratios: ${pairRatio.toFixed(2)})`,
  );
  console.log(`initial-js-gzip-kb ${Math.round(menuMedian.initialKb)}   (asked for before the menu was interactive)`);
  console.log(`all-js-gzip-kb ${Math.round(allJsKb)}   (every chunk, also those loaded after the menu)`);
  console.log(`negotiation-fps ${fps.toFixed(1)}   (table on screen, still: the game draws only on change)`);
  console.log(`negotiation-fps-while-typing ${typingFps.toFixed(1)}   (a line typing out, software WebGL here)`);
  console.log(
    `longest-task-ms ${Math.round(longest)}   (first prep choice to the debrief drawn, main thread traced; ${long.length} tasks over 50 ms, ${Math.round(long.reduce((a, b) => a + b, 0))} ms in all)`,
  );
  console.log(
    `production-build-game ${reachedDebrief ? 'reached-debrief' : 'DID-NOT-FINISH'} errors=${errors.length}${errors.length ? ` first: ${errors[0]}` : ''}`,
  );
  if (!reachedDebrief || errors.length) process.exitCode = 1;

  // The practice record at 1,000 finished negotiations: start-up with it, and opening the progress screen.
  const record = weekOfPractice(1000);
  const seeded = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const rep = await seeded.newPage();
  await rep.addInitScript(instrument);
  await rep.goto(game.url);
  await rep.waitForFunction(() => (window as unknown as { __bench: { menuAt: number } }).__bench.menuAt >= 0);
  // The same reloads with an empty record first: what "start with 1,000 games" is compared with.
  const emptyStarts: number[] = [];
  for (let i = 0; i < 3; i++) {
    await rep.reload();
    await rep.waitForFunction(() => (window as unknown as { __bench: { menuAt: number } }).__bench.menuAt >= 0);
    emptyStarts.push(await rep.evaluate(() => (window as unknown as { __bench: { menuAt: number } }).__bench.menuAt));
  }
  await seedRecord(rep, record);
  const starts: number[] = [];
  const reads: number[] = [];
  const opens: number[] = [];
  for (let i = 0; i < 3; i++) {
    // A reload comes back to the list screen the tab was on (progress, after the first run): start
    // each run from the first screen, as a rep opening the game does.
    await rep.evaluate(() => sessionStorage.removeItem('walkaway.tab-screen'));
    await rep.reload();
    await rep.waitForFunction(() => (window as unknown as { __bench: { menuAt: number } }).__bench.menuAt >= 0);
    starts.push(await rep.evaluate(() => (window as unknown as { __bench: { menuAt: number } }).__bench.menuAt));
    // The first screen does not wait for storage: when the 1,000 games had been read (and it redrew with them).
    reads.push(
      await rep.evaluate(async () => {
        await window.__walkaway?.settled();
        return performance.getEntriesByName('walkaway:storage-read')[0]?.startTime ?? Number.NaN;
      }),
    );
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
  console.log(`start-with-0-games-ms ${Math.round(med(emptyStarts))}   (the same reload with an empty record; runs ${emptyStarts.map(Math.round).join(', ')})`);
  console.log(
    `start-with-1000-games-ms ${Math.round(med(starts))}   (menu interactive after a reload with 1,000 finished negotiations in IndexedDB; target: the empty-record start + 50; runs ${starts.map(Math.round).join(', ')}; the games read at ${reads.map(Math.round).join(', ')} ms)`,
  );
  console.log(
    `progress-screen-1000-games-ms ${Math.round(med(opens))}   (press to interactive progress screen, 1,000 games; target 150; runs ${opens.map(Math.round).join(', ')})`,
  );
  await seeded.close();
} finally {
  await browser.close();
  for (const s of [game, bare]) await new Promise<void>((resolve) => s.server.httpServer.close(() => resolve()));
  rmSync(BARE, { recursive: true, force: true });
}
