import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actAndWait, fixture, openMenu, screen, startHarness, testid, uploadScenario, waitForScreen, watchErrors, type Harness } from './harness.ts';
import { QUICK_SETTINGS, playToDebrief } from './ux-helpers.ts';

/**
 * Saves: starting a new negotiation keeps the one in progress (each game has its own slot, so there is
 * nothing to replace), a reload on the debrief shows the same debrief, and a file reusing a built-in
 * scenario's id loads with a warning and is listed apart from the built-in one.
 */
describe('saves and uploads', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keeps a game in progress, restores the debrief on reload, keeps a clashing upload apart', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    page.setDefaultTimeout(20_000);
    await page.addInitScript((s) => localStorage.setItem('walkaway.settings', s), QUICK_SETTINGS);
    await openMenu(page, `${h.url}?seed=9`);
    await actAndWait(page, 'menu-scenario-tutorial');
    await actAndWait(page, 'start');
    await actAndWait(page, 'briefing-continue');
    const first = (await page.$$eval('#a11y [data-testid^="choice-"]', (els) => (els[0] as HTMLElement).dataset['testid']!))!;
    await actAndWait(page, first);
    await actAndWait(page, 'to-menu');
    await page.waitForSelector(testid('to-saves'), { state: 'attached' });
    expect(await page.textContent(testid('to-saves'))).toContain('Saved games (1)');

    // A second game: the first stays saved.
    await actAndWait(page, 'start');
    await actAndWait(page, 'briefing-continue');
    await playToDebrief(page, (s) => (s.choices.find((c) => c.tags.includes('accept')) ?? s.choices[0]!).id);
    const total = await page.textContent(testid('debrief-total'));
    await actAndWait(page, 'debrief-tab-moves');
    await page.reload();
    await waitForScreen(page, 'debrief');
    expect(await page.textContent(testid('debrief-total'))).toBe(total);
    await openMenu(page, `${h.url}?seed=9`);
    await page.waitForSelector(testid('to-saves'), { state: 'attached' });
    expect(await page.textContent(testid('to-saves'))).toContain('Saved games (1)');

    // A file with a built-in's id: a warning, and both in the menu.
    const clashing = fixture('browser-mini.yaml').replace(/^id: .*$/m, 'id: tutorial');
    await uploadScenario(page, 'my-tutorial.yaml', clashing);
    await page.waitForSelector(testid('menu-scenario-tutorial-yours'), { state: 'attached' });
    expect(await page.textContent('#notices')).toContain('is a built-in scenario');
    expect(await page.locator(testid('menu-scenario-tutorial')).count()).toBe(1);
    expect(await screen(page)).toBe('menu');
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
