/**
 * Main-thread processor time of a cold load, builds side by side with the bare Phaser page:
 * `npx tsx scripts/bench/cpu-ab.ts <dist-a> [<dist-b>…] [loads=8]`, each dist a production build
 * (`npx vite build --outDir /tmp/a`). A dist may end in `#?query` to load the game with that query.
 *
 * Wall time to the first screen (start-ab.ts) moves by a third from one load to the next on a shared
 * 2-core machine, because the page's main thread waits its turn behind the GPU process, the browser and
 * the server. The processor time the main thread itself spends, read from a Chromium trace (each
 * top-level task's thread time, from navigation to the first screen's accessible buttons), moves by a
 * few milliseconds: it tells whether a change made the page do less work with a handful of loads. For
 * each page: the median of that total, and of the one task that builds the first screen (for the bare
 * page, the task that runs its `create()`).
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { CHROMIUM_ARGS } from '../../tests/browser/harness.ts';
import { buildBarePhaser } from './build-bare-phaser.ts';
import { endTrace, mainThreadTasks, type TraceEvent } from './trace.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const loads = args.length > 1 && /^\d+$/.test(args.at(-1)!) ? Number(args.pop()) : 8;
if (!args.length || !(loads > 0)) throw new Error('usage: cpu-ab.ts <dist-a> [<dist-b>…] [loads]');

interface Page {
  name: string;
  dir: string;
  path: string;
  /** The user-timing mark the first screen is counted to. */
  mark: string;
  server?: PreviewServer;
}

/** Marks the first screen once its accessible buttons exist (as scripts/bench-browser.ts counts it). */
function markFirstScreen(): void {
  new MutationObserver((_m, observer) => {
    if (document.querySelector('#a11y[data-screen="menu"] [data-testid="start"], #a11y[data-screen="path"] [data-testid="path-play"]')) {
      performance.mark('bench:first-screen');
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

/** The main thread's processor time (ms) from navigation to `mark`, and that of the task holding `mark`. */
function mainThreadTime(events: readonly TraceEvent[], mark: string): { total: number; task: number } {
  const end = events.find((e) => e.name === mark);
  if (!end) throw new Error(`the trace has no ${mark} mark`);
  const start = events.find((e) => e.pid === end.pid && e.name === 'navigationStart');
  if (!start) throw new Error('the trace has no navigation start');
  // Top-level tasks only (a task run inside another is counted by its parent).
  const tasks: TraceEvent[] = [];
  let until = -1;
  for (const e of mainThreadTasks(events, end.pid)) {
    if (e.ts < until) continue;
    tasks.push(e);
    until = e.ts + (e.dur ?? 0);
  }
  const counted = tasks.filter((e) => e.ts >= start.ts && e.ts <= end.ts);
  const holding = counted.find((e) => e.ts <= end.ts && e.ts + (e.dur ?? 0) >= end.ts);
  return { total: counted.reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000, task: (holding?.tdur ?? 0) / 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const bareDir = await buildBarePhaser(ROOT);
const pages: Page[] = [
  { name: 'bare', dir: bareDir, path: 'scripts/bench/bare-phaser.html', mark: 'bare:create' },
  ...args.map((arg, i) => {
    const [dir, query = ''] = arg.split('#');
    return { name: `${String.fromCharCode(65 + i)} ${arg}`, dir: resolve(dir!), path: query, mark: 'bench:first-screen' };
  }),
];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
try {
  for (const page of pages) {
    page.server = await preview({
      root: ROOT,
      ...(page.name === 'bare' ? { configFile: false as const } : {}),
      logLevel: 'warn',
      build: { outDir: page.dir },
      preview: { port: 0, host: '127.0.0.1', strictPort: false },
    });
  }
  const results = pages.map(() => ({ total: [] as number[], task: [] as number[] }));
  for (let round = 0; round < loads; round++) {
    // In turn, the order rotating, so every page sees the same machine.
    for (let k = 0; k < pages.length; k++) {
      const which = (k + round) % pages.length;
      const page = pages[which]!;
      const address = page.server!.httpServer.address();
      if (!address || typeof address === 'string') throw new Error('vite preview has no port');
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const tab = await context.newPage();
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Tracing.start', { categories: 'toplevel,blink.user_timing', transferMode: 'ReturnAsStream' });
      await tab.addInitScript(markFirstScreen);
      await tab.goto(`http://127.0.0.1:${address.port}/${page.path}`);
      await tab.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, page.mark);
      const time = mainThreadTime(await endTrace(cdp), page.mark);
      await context.close();
      results[which]!.total.push(time.total);
      results[which]!.task.push(time.task);
    }
  }
  const bare = median(results[0]!.total);
  for (const [i, page] of pages.entries()) {
    const { total, task } = results[i]!;
    console.log(
      `${page.name}: main thread ${median(total).toFixed(1)} ms to the first screen (${(median(total) / bare).toFixed(2)}x bare; ${total.map((t) => t.toFixed(0)).join(', ')}), its building task ${median(task).toFixed(1)} ms`,
    );
  }
} finally {
  await browser.close();
  for (const page of pages) page.server?.httpServer.close();
  rmSync(bareDir, { recursive: true, force: true });
}
