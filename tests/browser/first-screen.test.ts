import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { act, actAndWait, screen, settle, startHarness, testid, waitForScreen, watchErrors, type Harness } from './harness.ts';
import { instantText, text } from './practice-helpers.ts';
import { layout } from './ux-helpers.ts';
import { misplacedTexts } from '../../src/game/ui/layout-registry.ts';

/**
 * Holds back every IndexedDB read (not the opening of the database) until `__releaseStorage()`: the
 * page then behaves as on a device whose storage answers late, and the test sees what the first screen
 * shows before the saved games and the practice record are in.
 */
function holdStorageReads(): void {
  const w = window as unknown as { __releaseStorage: () => void };
  const held: (() => void)[] = [];
  let holding = true;
  const add = EventTarget.prototype.addEventListener;
  IDBRequest.prototype.addEventListener = function (
    this: IDBRequest,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ) {
    if (type !== 'success' || !listener || this instanceof IDBOpenDBRequest) return add.call(this, type, listener, options);
    const call = (e: Event) => (typeof listener === 'function' ? listener.call(this, e) : listener.handleEvent(e));
    return add.call(this, type, (e: Event) => (holding ? held.push(() => call(e)) : call(e)), options);
  };
  w.__releaseStorage = () => {
    holding = false;
    for (const run of held.splice(0)) run();
  };
}

const release = (page: Page) => page.evaluate(() => (window as unknown as { __releaseStorage: () => void }).__releaseStorage());
const storageRead = (page: Page) => page.evaluate(() => window.__walkaway!.storage.read);
const waitForFirstScreen = (page: Page) =>
  page.waitForSelector(`#a11y[data-screen="menu"] ${testid('start')}, #a11y[data-screen="path"] ${testid('path-play')}`, { state: 'attached' });

/**
 * The first screen (the learning path for a new rep, the menu for a returning one) comes up as soon as
 * the game has booted, without waiting for storage; it shows the saved games and the progress once they
 * are read, and a press made before then waits for them with a visible sign.
 */
describe('the first screen before storage is read', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function open(context: BrowserContext, hold: boolean): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    await instantText(page);
    if (hold) await page.addInitScript(holdStorageReads);
    const errors = watchErrors(page);
    await page.goto(h.url);
    await waitForFirstScreen(page);
    return { page, errors };
  }

  it("a new rep's learning path comes up before storage is read, and Play waits for it with a visible sign", async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const { page, errors } = await open(context, true);
    expect(await screen(page)).toBe('path');
    expect(await storageRead(page)).toBe(false);
    // No note of earlier games on this device: drawn as a new rep's at once.
    expect(await text(page, 'path-status')).toMatch(/^0 of \d+ steps done/);

    await act(page, 'path-play');
    expect(await page.getAttribute('#a11y', 'aria-busy')).toBe('true');
    const sign = await page.evaluate(() => getComputedStyle(document.getElementById('notices')!, '::before').content);
    expect(sign).toContain('Loading');
    expect(await screen(page)).toBe('path');

    await release(page);
    await waitForScreen(page, 'briefing');
    expect(await page.getAttribute('#a11y', 'aria-busy')).toBeNull();
    expect(await page.evaluate(() => getComputedStyle(document.getElementById('notices')!, '::before').content)).toBe('none');
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a returning rep's menu comes up before the saves are read and offers the saved game once they are; the path claims no progress until then", async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 720 } });
    // First visit: start the tutorial and make a move, which saves the game.
    const first = await open(context, false);
    await settle(first.page);
    await actAndWait(first.page, 'path-play');
    await actAndWait(first.page, 'briefing-continue');
    await actAndWait(first.page, 'choice-book-prospects');
    await first.page.evaluate(() => window.__walkaway!.settled());
    await first.page.close();

    // A later visit in a new tab: the menu at once, Continue once the saves are read.
    const { page, errors } = await open(context, true);
    expect(await screen(page)).toBe('menu');
    expect(await storageRead(page)).toBe(false);
    expect(await page.$(testid('continue'))).toBeNull();
    await release(page);
    await settle(page);
    expect(await screen(page)).toBe('menu');
    expect(await text(page, 'continue')).toContain('turn 2');

    // A reload on the learning path before the record is read: no step called done or locked yet.
    await actAndWait(page, 'to-path');
    await page.reload();
    await waitForFirstScreen(page);
    expect(await screen(page)).toBe('path');
    expect(await storageRead(page)).toBe(false);
    expect(await text(page, 'path-status')).toContain('Reading your progress');
    const described = await page.$$eval('#a11y [data-testid^="path-step-"] .a11y-description', (els) => els.map((e) => e.textContent?.trim()));
    expect(described.length).toBeGreaterThan(1);
    expect(described.every((d) => d === '(reading your progress)')).toBe(true);
    await release(page);
    await settle(page);
    expect(await text(page, 'path-status')).toMatch(/^0 of \d+ steps done/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a note of a returning rep with nothing stored is corrected: the learning path once storage is read', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript(() => {
      if (!sessionStorage.getItem('noted')) localStorage.setItem('walkaway.returning-rep', '1');
      sessionStorage.setItem('noted', '1');
    });
    const { page, errors } = await open(context, true);
    expect(await screen(page)).toBe('menu');
    await release(page);
    await settle(page);
    expect(await screen(page)).toBe('path');
    expect(await text(page, 'path-status')).toMatch(/^0 of \d+ steps done/);
    expect(await page.evaluate(() => localStorage.getItem('walkaway.returning-rep'))).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the other screens' code loads after the first screen; when it cannot be fetched, a press says so and the next one, once it can, opens the screen", async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 720 } });
    // The chunk of the screens after the first (src/game/scenes/later-scenes.ts): as on a connection
    // that dropped before the page had it.
    let reachable = false;
    const asked: string[] = [];
    await context.route('**/later-scenes*', (route) => {
      asked.push(route.request().url());
      return reachable ? route.continue() : route.abort('internetdisconnected');
    });
    const { page, errors } = await open(context, false);
    expect(await screen(page)).toBe('path');
    // Asked for once the first screen is up, without a press.
    await page.waitForFunction(() => window.__walkaway!.settled());
    await expect.poll(() => asked.length, { timeout: 15_000 }).toBeGreaterThan(0);

    await act(page, 'path-play');
    await expect.poll(() => page.textContent('#notices'), { timeout: 15_000 }).toContain('could not be loaded');
    expect(await screen(page)).toBe('path');
    expect(await page.getAttribute('#a11y', 'aria-busy')).toBeNull();

    reachable = true;
    await act(page, 'path-play');
    await waitForScreen(page, 'briefing');
    // Only the refused fetches count as errors on this page.
    expect(errors.filter((e) => !/later-scenes|Failed to fetch dynamically imported module|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
    await context.close();
  });

  it("the learning path shows every step's label and detail on one line inside the step's own button, a long detail cut with …", async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const { page, errors } = await open(context, false);
    expect(await screen(page)).toBe('path');
    const drawn = await layout(page);
    expect(misplacedTexts(drawn).map((o) => `${o.kind}: ${o.text}`)).toEqual([]);
    // Each step button (the ten rows left of the concept card) holds its own label and detail, in that order.
    const steps = drawn.panels.filter((p) => p.x === 84 && p.width === 512).sort((a, b) => a.y - b.y);
    expect(steps).toHaveLength(10);
    const inside = steps.map((p) =>
      drawn.texts
        .filter((t) => t.bounds.y >= p.y && t.bounds.y + t.bounds.height <= p.y + p.height && t.bounds.x >= p.x && t.bounds.x < p.x + p.width)
        .sort((a, b) => a.bounds.y - b.bounds.y)
        .map((t) => t.text),
    );
    expect(inside[1]).toEqual(['2. Build the alternative first', 'Coach · Dana Okafor · The $200K enterprise deal']);
    expect(inside[4]![0]).toBe('5. Calm beats loud');
    expect(inside[4]![1]).toMatch(/^Practice · Jordan Pike · Renewing with the vendor .*…$/);
    expect(inside.every((texts) => texts.length === 2)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
