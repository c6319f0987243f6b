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

const SAVE_KEY = 'walkaway.save';

/** Saves: a reload resumes the negotiation exactly; a damaged or outdated save is reported and dropped. */
describe('saved negotiations', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function freshPage(): Promise<{ page: Page; errors: string[] }> {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    return { page, errors: watchErrors(page) };
  }

  /** Uploads the mini fixture, starts it and plays into the negotiation's second turn. */
  async function playIntoNegotiation(page: Page): Promise<void> {
    await openMenu(page, `${h.url}?seed=5`);
    await uploadScenario(page, 'browser-mini.yaml', fixture('browser-mini.yaml'));
    await page.waitForSelector(`${testid('menu-scenario-browser-mini')}[aria-pressed="true"]`, { state: 'attached' });
    for (const id of ['start', 'briefing-continue', 'choice-build-pipeline', 'choice-research-vendors', 'choice-ask-alternatives']) await actAndWait(page, id);
    expect(await screen(page)).toBe('negotiation');
  }

  const visibleTerms = (page: Page) => page.$$eval('#a11y [data-testid^="term-"]', (els) => els.map((e) => e.textContent));

  it('resumes on the same line with the same terms after a reload', async () => {
    const { page, errors } = await freshPage();
    await playIntoNegotiation(page);
    const before = await gameSnapshot(page);
    const lineBefore = await page.textContent(testid('line'));
    const termsBefore = await visibleTerms(page);
    expect(termsBefore.length).toBe(2);

    await page.reload();
    await waitForScreen(page, 'negotiation');
    expect(await page.textContent(testid('line'))).toBe(lineBefore);
    expect(await visibleTerms(page)).toEqual(termsBefore);
    const after = await gameSnapshot(page);
    expect(after).toEqual(before);
    // And the game goes on from there.
    await actAndWait(page, 'choice-trade-term');
    expect((await gameSnapshot(page))!.turn).toBe(before!.turn + 1);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('offers Continue in the menu on a later visit', async () => {
    const { page, errors } = await freshPage();
    await playIntoNegotiation(page);
    const line = await page.textContent(testid('line'));
    await page.goto(h.url);
    await waitForScreen(page, 'menu');
    await actAndWait(page, 'continue');
    expect(await screen(page)).toBe('negotiation');
    expect(await page.textContent(testid('line'))).toBe(line);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('recovers from a corrupted save with a visible notice and a fresh start', async () => {
    const { page, errors } = await freshPage();
    await openMenu(page, h.url);
    await page.evaluate((key) => localStorage.setItem(key, '{"source": {"kind": "builtin", "id": "x"}, "save": {'), SAVE_KEY);
    await page.reload();
    await waitForScreen(page, 'menu');
    const notice = page.locator(testid('notice'));
    await notice.waitFor({ state: 'visible' });
    expect(await notice.textContent()).toMatch(/could not be resumed.*not valid JSON.*Starting fresh/);
    expect(await page.evaluate((key) => localStorage.getItem(key), SAVE_KEY)).toBeNull();
    expect(await page.locator(testid('continue')).count()).toBe(0);
    expect(await page.locator(testid('start')).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  /** Edits the stored attempt record as a curious or hostile rep would, reloads, and reads the notice. */
  async function tamperAndReload(page: Page, field: 'format' | 'fingerprint' | 'moves.1', value: unknown): Promise<string> {
    await page.evaluate(
      ({ key, field, value }) => {
        const stored = JSON.parse(localStorage.getItem(key)!);
        if (field === 'moves.1') stored.attempt.moves[1] = value;
        else stored.attempt[field] = value;
        localStorage.setItem(key, JSON.stringify(stored));
      },
      { key: SAVE_KEY, field, value },
    );
    await page.reload();
    await waitForScreen(page, 'menu');
    await page.locator(testid('notice')).waitFor({ state: 'visible' });
    return (await page.textContent(testid('notice')))!;
  }

  it('refuses an outdated or hand-edited record with a plain reason, sets it aside and starts fresh', async () => {
    const { page, errors } = await freshPage();
    await playIntoNegotiation(page);
    // An older record format, as a previous version of the game would have written it.
    expect(await tamperAndReload(page, 'format', 0)).toMatch(/could not be resumed: this record uses format 0.*Starting fresh/);
    expect(await page.evaluate((key) => localStorage.getItem(key), SAVE_KEY)).toBeNull();
    expect(await page.evaluate(() => localStorage.getItem('walkaway.save.set-aside'))).toMatch(/"format":0/);
    expect(await page.locator(testid('continue')).count()).toBe(0);

    // A move that was never a choice at that point.
    await playIntoNegotiation(page);
    expect(await tamperAndReload(page, 'moves.1', 'accept-offer')).toMatch(/could not be resumed: move 2 is not a choice at that point/);

    // A record played on another version of the scenario.
    await playIntoNegotiation(page);
    expect(await tamperAndReload(page, 'fingerprint', '0'.repeat(64))).toMatch(/the scenario has changed since this game was played/);
    expect(await page.evaluate((key) => localStorage.getItem(key), SAVE_KEY)).toBeNull();

    // The game goes on: a fresh start works.
    await playIntoNegotiation(page);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});
