import { createServer, type ViteDevServer } from 'vite';
import { chromium, type Browser, type Page, type ConsoleMessage } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Shared set-up for the browser tests: one Vite dev server and one headless Chromium per test file
 * (the CI machine has two cores), plus helpers that drive the game through its accessibility layer.
 */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // WebGL through SwiftShader (software) since the GPU is disabled.
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
];

export interface Harness {
  server: ViteDevServer;
  browser: Browser;
  url: string;
  close(): Promise<void>;
}

export async function startHarness(options: { autoplay?: boolean; extraArgs?: string[] } = {}): Promise<Harness> {
  const server = await createServer({
    root: ROOT,
    configFile: `${ROOT}/vite.config.ts`,
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1', strictPort: false, hmr: false },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('the dev server has no port');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.autoplay ? ['--autoplay-policy=no-user-gesture-required'] : []), ...(options.extraArgs ?? [])],
  });
  return {
    server,
    browser,
    url: `http://127.0.0.1:${address.port}/`,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Collects console errors and uncaught exceptions of a page. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

export function fixture(name: string): string {
  return readFileSync(`${ROOT}/tests/fixtures/${name}`, 'utf8');
}

export const testid = (id: string) => `[data-testid="${id}"]`;

/**
 * Opens the game and waits for the menu's accessible buttons. A new rep lands on the learning path;
 * the full scenario list is one step away from it.
 */
export async function openMenu(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await toMenu(page);
}

/**
 * Waits until the game has read storage and the screen on show has been redrawn with what it holds: the
 * first screen comes up before storage is read, and shows saved games and progress once they are.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => window.__walkaway?.settled());
}

/** From the first screen of a (re)loaded page to the menu: a new rep lands on the learning path first. */
export async function toMenu(page: Page): Promise<void> {
  await page.waitForSelector(`#a11y[data-screen="menu"] ${testid('start')}, #a11y[data-screen="path"] ${testid('to-menu')}`, { state: 'attached' });
  await settle(page);
  if ((await page.getAttribute('#a11y', 'data-screen')) === 'path') await actAndWait(page, 'to-menu');
  await page.waitForSelector(`#a11y[data-screen="menu"] ${testid('start')}`, { state: 'attached' });
}

/** Uploads a scenario file through the menu's real file input. */
export async function uploadScenario(page: Page, fileName: string, text: string): Promise<void> {
  await page.setInputFiles(testid('upload'), { name: fileName, mimeType: 'text/yaml', buffer: Buffer.from(text) });
}

export async function screen(page: Page): Promise<string> {
  return (await page.getAttribute('#a11y', 'data-screen')) ?? '';
}

export async function waitForScreen(page: Page, name: string): Promise<void> {
  await page.waitForSelector(`#a11y[data-screen="${name}"]`, { state: 'attached' });
}

/** Clicks a DOM twin in the accessibility layer (a mouse-free way to act). */
export async function act(page: Page, id: string): Promise<void> {
  await page.locator(testid(id)).dispatchEvent('click');
}

/** Acts through the accessibility layer and waits until the game has drawn the screen that follows. */
export async function actAndWait(page: Page, id: string): Promise<void> {
  const before = await renderCount(page);
  await act(page, id);
  await waitForRender(page, before);
}

/**
 * Counts the distinct colours of the canvas, from a screenshot decoded in the page itself (no image
 * library needed): a blank or single-colour canvas has a handful, a drawn scene has hundreds.
 */
export async function canvasColourCount(page: Page): Promise<number> {
  const png = await page.locator('#game canvas').screenshot();
  return page.evaluate(async (b64) => {
    const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
    const bitmap = await createImageBitmap(blob);
    const c = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 7) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return colours.size;
  }, png.toString('base64'));
}

export async function renderCount(page: Page): Promise<number> {
  return Number(await page.getAttribute('#a11y', 'data-render'));
}

/** Waits until the accessibility layer has been redrawn after `since`. */
export async function waitForRender(page: Page, since: number): Promise<void> {
  await page.waitForFunction((n) => Number(document.getElementById('a11y')?.dataset['render']) > n, since);
}

/** Presses Tab until the control with this test id has focus (keyboard only), or fails. */
export async function tabTo(page: Page, id: string, maxPresses = 60): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    const focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['testid'] ?? '');
    if (focused === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached "${id}"`);
}

/** Keyboard only: Tab to a control and press Enter, then wait for the screen to be redrawn. */
export async function pressControl(page: Page, id: string): Promise<void> {
  const before = await renderCount(page);
  await tabTo(page, id);
  await page.keyboard.press('Enter');
  await waitForRender(page, before);
}

/** The test ids of the choices offered now, in order. */
export async function choiceIds(page: Page): Promise<string[]> {
  return page.$$eval('#a11y [data-testid^="choice-"]', (els) => els.map((e) => (e as HTMLElement).dataset['testid']!));
}

export interface PageSnapshot {
  turn: number;
  phase: string;
  line: string;
  terms: Record<string, string>;
  over: boolean;
  stage: string;
  value: number;
  walkAwayValue: number;
  choices: { id: string; tags: string[] }[];
}

export async function gameSnapshot(page: Page): Promise<PageSnapshot | null> {
  return page.evaluate(() => {
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
        }
      : null;
  });
}

/**
 * A player who prepares, asks, trades and holds rather than giving things away, and accepts at the end:
 * enough to reach a debrief through any scenario.
 */
export function sensibleChoice(snap: Pick<PageSnapshot, 'choices' | 'turn' | 'stage' | 'value' | 'walkAwayValue'>): string {
  const { choices, turn } = snap;
  const accept = choices.find((c) => c.tags.includes('accept'));
  if (accept && snap.stage === 'closing' && snap.value >= snap.walkAwayValue) return accept.id;
  const prefer = ['prep', 'ask:batna', 'trade', 'batna:strong', 'hold', 'accept'];
  const avoid = ['walk-away', 'threat', 'batna:weak', 'pace:panic', 'concede', 'claim:alternative'];
  const safe = choices.filter((c) => !c.tags.some((t) => avoid.includes(t)));
  const pool = safe.length ? safe : choices;
  // After a dozen turns take whatever ends it, so the test cannot loop.
  if (turn > 12) return (choices.find((c) => c.tags.includes('accept')) ?? pool[0]!).id;
  for (const tag of prefer) {
    const hit = pool.find((c) => c.tags.includes(tag));
    if (hit) return hit.id;
  }
  return pool[0]!.id;
}
