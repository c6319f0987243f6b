import { describe, expect, it } from 'vitest';
import { actAndWait, fixture, openMenu, screen, testid, uploadScenario, waitForScreen } from './harness.ts';
import { fileHarness, playToDebrief, quickPage, startScenario } from './ux-helpers.ts';

/**
 * Saves: starting a new negotiation keeps the one in progress (each game has its own slot, so there is
 * nothing to replace), a reload on the debrief shows the same debrief, and a file reusing a built-in
 * scenario's id loads with a warning and is listed apart from the built-in one.
 */
describe('saves and uploads', () => {
  const h = fileHarness();

  it('keeps a game in progress, restores the debrief on reload, keeps a clashing upload apart', async () => {
    const { page, errors } = await quickPage(h.browser);
    await startScenario(page, h.url, { seed: 9, scenario: 'tutorial' });
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
