import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actAndWait,
  choiceIds,
  fixture,
  openMenu,
  pressControl,
  screen,
  startHarness,
  testid,
  toMenu,
  uploadScenario,
  watchErrors,
  type Harness,
} from './harness.ts';
import { QUICK_SETTINGS } from './ux-helpers.ts';

/**
 * Uploaded scenarios stay on the device: listed after a reload beside the built-ins, several at once,
 * seen by another tab, each removable (by keyboard, with a second press to confirm); the rest still play.
 */
describe('uploaded scenarios kept on the device', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lists two uploads after a reload, removes one by keyboard for good, and the other still plays', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript((s) => localStorage.setItem('walkaway.settings', s), QUICK_SETTINGS);
    const page = await context.newPage();
    const other = await context.newPage();
    const errors = watchErrors(page);
    const otherErrors = watchErrors(other);
    page.setDefaultTimeout(20_000);
    other.setDefaultTimeout(20_000);
    await openMenu(page, `${h.url}?seed=5`);
    await openMenu(other, `${h.url}?seed=5`);

    await uploadScenario(page, 'mini-renewal.yaml', fixture('browser-mini.yaml'));
    await page.waitForSelector(testid('menu-scenario-browser-mini'), { state: 'attached' });
    await uploadScenario(page, 'fleet.yaml', fixture('guide-example.yaml'));
    await page.waitForSelector(testid('menu-scenario-guide-example'), { state: 'attached' });
    // Both coexist; the second upload did not replace the first.
    expect(await page.locator(testid('menu-scenario-browser-mini')).count()).toBe(1);
    // The other tab lists them without a reload (once the rep turns to it: a hidden page draws nothing).
    await other.bringToFront();
    await other.waitForSelector(testid('menu-scenario-guide-example'), { state: 'attached' });
    await other.waitForSelector(testid('menu-scenario-browser-mini'), { state: 'attached' });

    // A new file with the id of an earlier upload replaces it, and says so.
    await page.bringToFront();
    const renamed = fixture('browser-mini.yaml').replace('title: Analytics renewal (test fixture)', 'title: Analytics renewal, second draft');
    await uploadScenario(page, 'mini-renewal-v2.yaml', renamed);
    await page.waitForFunction(() => document.querySelector('[data-testid="menu-scenario-browser-mini"]')?.textContent?.includes('second draft'));
    expect(await page.textContent('#notices')).toContain('replaces your earlier upload');
    expect(await page.locator('#a11y [data-testid^="menu-scenario-browser-mini"]').count()).toBe(1);

    await page.reload();
    await toMenu(page);
    await page.waitForSelector(testid('menu-scenario-guide-example'), { state: 'attached' });
    expect(await page.textContent(testid('menu-scenario-browser-mini'))).toContain('second draft');
    expect(await page.locator(testid('menu-scenario-tutorial')).count()).toBe(1);

    // Keyboard only: the first press asks, the second removes.
    await pressControl(page, 'menu-remove-browser-mini');
    expect(await page.textContent(testid('menu-remove-browser-mini'))).toContain('Press again');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['testid'])).toBe('menu-remove-browser-mini');
    expect(await page.locator(testid('menu-scenario-browser-mini')).count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.waitForSelector(testid('menu-scenario-browser-mini'), { state: 'detached' });
    expect(await page.textContent('#notices')).toContain('Removed "Analytics renewal, second draft"');
    await other.bringToFront();
    await other.waitForSelector(testid('menu-scenario-browser-mini'), { state: 'detached' });
    await page.bringToFront();

    await page.reload();
    await toMenu(page);
    await page.waitForSelector(testid('menu-scenario-guide-example'), { state: 'attached' });
    expect(await page.locator(testid('menu-scenario-browser-mini')).count()).toBe(0);

    // The upload left plays.
    await actAndWait(page, 'menu-scenario-guide-example');
    await actAndWait(page, 'start');
    expect(await screen(page)).toBe('briefing');
    await actAndWait(page, 'briefing-continue');
    const choices = await choiceIds(page);
    expect(choices.length).toBeGreaterThan(0);
    await actAndWait(page, choices[0]!);
    expect(['preparation', 'negotiation']).toContain(await screen(page));
    expect([...errors, ...otherErrors]).toEqual([]);
    await context.close();
  }, 120_000);
});
