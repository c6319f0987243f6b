import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  actAndWait,
  fixture,
  gameSnapshot,
  openMenu,
  screen,
  startHarness,
  testid,
  uploadScenario,
  waitForScreen,
  watchErrors,
  type Harness,
} from './harness.ts';
import { instantText, text, waitForStart } from './practice-helpers.ts';

const LEGACY_KEY = 'walkaway.save';

/**
 * Saves that survive real life: each game its own slot with a list to continue from, a reload resumes
 * the tab's own game, two tabs never overwrite each other's game and see each other's changes, older
 * saves are migrated or clearly refused, and without storage play goes on with a notice.
 */
describe('saved games', () => {
  let h: Harness;
  beforeAll(async () => {
    // Two tabs play at once here: keep the one behind running as a rep's second window would.
    h = await startHarness({
      extraArgs: ['--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'],
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  async function freshContext() {
    return h.browser.newContext({ viewport: { width: 1280, height: 720 } });
  }
  async function newPage(context: Awaited<ReturnType<typeof freshContext>>): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    await instantText(page);
    return { page, errors: watchErrors(page) };
  }

  /** Starts the tutorial from the menu and plays into its negotiation. */
  async function startTutorial(page: Page): Promise<void> {
    await actAndWait(page, 'menu-scenario-tutorial');
    await actAndWait(page, 'mode-practice');
    await actAndWait(page, 'start');
    await actAndWait(page, 'briefing-continue');
    for (const id of ['book-prospects', 'write-line']) await actAndWait(page, `choice-${id}`);
    expect(await screen(page)).toBe('negotiation');
  }

  const savedGames = (page: Page) => page.$$eval('#a11y [data-testid^="continue-"]', (els) => els.map((e) => (e as HTMLElement).dataset['testid']!));

  it('a reload resumes the same turn; a later visit offers the game in the Continue list', async () => {
    const context = await freshContext();
    const { page, errors } = await newPage(context);
    await openMenu(page, `${h.url}?seed=5`);
    await startTutorial(page);
    const before = await gameSnapshot(page);
    const line = await text(page, 'line');
    await page.reload();
    await waitForScreen(page, 'negotiation');
    expect(await gameSnapshot(page)).toEqual(before);
    expect(await text(page, 'line')).toBe(line);

    await page.goto(h.url);
    expect(await waitForStart(page)).toBe('menu');
    expect(await page.textContent(testid('continue'))).toMatch(/Continue.*Your first negotiation/);
    await actAndWait(page, 'continue');
    expect(await gameSnapshot(page)).toEqual(before);
    expect(errors).toEqual([]);
    await context.close();
  }, 200_000);

  // Both tabs keep drawing while the other is in front (the harness keeps a page behind running, as a
  // rep's second window would), and the test acts on each through its accessibility layer.
  it("two tabs see each other's games and never overwrite each other, even when both continue the same game", async () => {
    const context = await freshContext();
    const a = await newPage(context);
    const b = await newPage(context);
    await openMenu(a.page, `${h.url}?seed=5`);
    await openMenu(b.page, `${h.url}?seed=5`);
    expect(await b.page.locator(testid('continue')).count()).toBe(0);

    // Tab A plays; tab B's menu lists A's game by itself: no reload, no input.
    await startTutorial(a.page);
    await b.page.waitForSelector(testid('continue'), { state: 'attached' });

    // Both continue the same game and take different roads.
    await actAndWait(b.page, 'continue');
    expect(await gameSnapshot(b.page)).toEqual(await gameSnapshot(a.page));
    const choices = (await gameSnapshot(a.page))!.choices.map((c) => c.id);
    await actAndWait(a.page, `choice-${choices[0]}`);
    // A's move is saved before B moves, so B is the tab that finds its game changed under it.
    await a.page.evaluate(() => window.__walkaway!.settled());
    const roadA = await gameSnapshot(a.page);
    await actAndWait(b.page, `choice-${choices[1]}`);
    await b.page.evaluate(() => window.__walkaway!.settled());
    const roadB = await gameSnapshot(b.page);
    expect(roadB).not.toEqual(roadA);
    await b.page.locator(testid('notice')).waitFor({ state: 'visible' });
    expect(await b.page.textContent(testid('notice'))).toMatch(/also continued in another tab.*separate saved game/);

    // Two saved games now, listed in tab A too, and each continues its own road.
    await actAndWait(a.page, 'to-menu');
    await a.page.waitForFunction(() => /Saved games \(2\)/.test(document.querySelector('[data-testid="to-saves"]')?.textContent ?? ''));
    await actAndWait(a.page, 'to-saves');
    const ids = await savedGames(a.page);
    expect(ids).toHaveLength(2);
    const roads = [];
    for (const id of ids) {
      await actAndWait(a.page, id);
      roads.push(await gameSnapshot(a.page));
      await actAndWait(a.page, 'to-menu');
      await actAndWait(a.page, 'to-saves');
    }
    expect(roads).toEqual(expect.arrayContaining([roadA, roadB]));
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('migrates the single save of the previous version, and refuses an older one clearly (set aside, fresh start)', async () => {
    const context = await freshContext();
    const { page, errors } = await newPage(context);
    await openMenu(page, `${h.url}?seed=5`);
    await uploadScenario(page, 'browser-mini.yaml', fixture('browser-mini.yaml'));
    await page.waitForSelector(`${testid('menu-scenario-browser-mini')}[aria-pressed="true"]`, { state: 'attached' });
    await actAndWait(page, 'start');
    await actAndWait(page, 'briefing-continue');
    await actAndWait(page, 'choice-build-pipeline');
    const snap = await gameSnapshot(page);
    const record = await page.evaluate(() => window.__walkaway!.snapshot() && null);
    expect(record).toBeNull();
    // Rewrite the saved game as the previous version stored it: one localStorage slot.
    await page.evaluate(async (key) => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const r = indexedDB.open('walkaway');
        r.onsuccess = () => resolve(r.result);
      });
      const games = await new Promise<{ id: string; source: unknown; attempt: unknown; savedAt: string }[]>((resolve) => {
        const r = db.transaction('games').objectStore('games').getAll();
        r.onsuccess = () => resolve(r.result);
      });
      const g = games[0]!;
      localStorage.setItem(key, JSON.stringify({ source: g.source, attempt: g.attempt, savedAt: g.savedAt }));
      await new Promise<void>((resolve) => {
        const tx = db.transaction('games', 'readwrite');
        tx.objectStore('games').clear();
        tx.oncomplete = () => resolve();
      });
      db.close();
      sessionStorage.clear();
    }, LEGACY_KEY);
    await page.goto(h.url);
    expect(await waitForStart(page)).toBe('menu');
    expect(await page.evaluate((key) => localStorage.getItem(key), LEGACY_KEY)).toBeNull();
    await actAndWait(page, 'continue');
    expect(await gameSnapshot(page)).toEqual(snap);

    // A save from before attempt records (the whole persona state) cannot be carried over: it says so.
    await page.evaluate(
      (key) => localStorage.setItem(key, JSON.stringify({ source: { kind: 'builtin', id: 'tutorial' }, save: { format: 0, snapshot: {} } })),
      LEGACY_KEY,
    );
    await page.goto(h.url);
    await waitForStart(page);
    await page.locator(testid('notice')).waitFor({ state: 'visible' });
    expect(await page.textContent(testid('notice'))).toMatch(
      /earlier version could not be carried over: the saved game has no negotiation in it\. Starting fresh/,
    );
    expect(await page.evaluate((key) => localStorage.getItem(key), LEGACY_KEY)).toBeNull();
    expect(await page.evaluate(() => localStorage.getItem('walkaway.save.set-aside'))).toMatch(/"format":0/);
    expect(errors).toEqual([]);
    await context.close();
  }, 200_000);

  it('a tampered saved game is refused with a plain reason and a fresh start, never a dead screen', async () => {
    const context = await freshContext();
    const { page, errors } = await newPage(context);
    await openMenu(page, `${h.url}?seed=5`);
    await startTutorial(page);
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const r = indexedDB.open('walkaway');
        r.onsuccess = () => resolve(r.result);
      });
      const tx = db.transaction('games', 'readwrite');
      const store = tx.objectStore('games');
      const all = await new Promise<{ attempt: { moves: string[] } }[]>((resolve) => {
        const r = store.getAll();
        r.onsuccess = () => resolve(r.result);
      });
      const g = all[0]!;
      g.attempt.moves[1] = 'no-such-move';
      store.put(g);
      await new Promise<void>((resolve) => (tx.oncomplete = () => resolve()));
      db.close();
    });
    await page.reload();
    await waitForStart(page);
    await page.locator(testid('notice')).waitFor({ state: 'visible' });
    expect(await page.textContent(testid('notice'))).toMatch(/could not be resumed: move 2 is not a choice at that point\. Starting fresh/);
    expect(await screen(page)).not.toBe('negotiation');
    expect(errors).toEqual([]);
    await context.close();
  }, 200_000);

  it('with no storage at all (private mode) the rep is told, and plays on', async () => {
    const context = await freshContext();
    const { page, errors } = await newPage(context);
    await page.goto(`${h.url}?storage=memory&seed=5`);
    await waitForStart(page);
    await page.locator(testid('notice')).waitFor({ state: 'visible' });
    expect(await page.textContent(testid('notice'))).toMatch(/keeps no storage.*You can play/);
    if ((await screen(page)) === 'path') await actAndWait(page, 'to-menu');
    await startTutorial(page);
    expect(errors).toEqual([]);
    await context.close();
  }, 200_000);
});
