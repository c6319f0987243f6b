import { describe, expect, it } from 'vitest';
import { actAndWait, choiceIds, openMenu, pressControl, screen, testid } from './harness.ts';
import { fileHarness, overflows, quickPage, startScenario } from './ux-helpers.ts';

/**
 * The package builder, keyboard only: open it at a beat where proposals are allowed, pick an option per
 * issue (the worth line follows), send it, and the engine records it as a proposal; the builder fits
 * its panel, whatever the number of issues and options.
 */
describe('package builder', () => {
  const h = fileHarness();

  it('composes and sends a package by keyboard alone', async () => {
    const { page, errors } = await quickPage(h.browser);
    await startScenario(page, h.url, { seed: 5, scenario: 'renewal', mode: 'practice' });
    // Through preparation to the first beat where a package may be proposed.
    for (let guard = 0; guard < 12; guard++) {
      const can = await page.evaluate(() => window.__walkaway!.snapshot()!.canPropose);
      if (can && (await screen(page)) === 'negotiation') break;
      const first = await page.$eval('#a11y [data-testid^="choice-"]', (e) => (e as HTMLElement).dataset['testid']!);
      await actAndWait(page, first);
    }
    expect(await page.locator(testid('propose-open')).count()).toBe(1);
    await pressControl(page, 'propose-open');
    const issues = await page.evaluate(() => window.__walkaway!.snapshot()!.issues.map((i) => ({ id: i.id, options: i.options.map((o) => o.id) })));
    expect(issues.length).toBeGreaterThan(1);
    const worthBefore = await page.textContent(testid('builder-worth'));
    // Pick the last option of the first issue: pressed, and the worth line is recomputed.
    const issue = issues[0]!;
    const option = issue.options[issue.options.length - 1]!;
    await pressControl(page, `builder-${issue.id}-${option}`);
    expect(await page.getAttribute(testid(`builder-${issue.id}-${option}`), 'aria-pressed')).toBe('true');
    expect(await page.textContent(testid('builder-worth'))).toMatch(/^Worth /);
    expect(worthBefore).toMatch(/^Worth /);
    expect(await overflows(page)).toEqual([]);
    const movesBefore = await page.evaluate(() => window.__walkaway!.snapshot()!.turn);
    await pressControl(page, 'builder-send');
    const after = await page.evaluate(() => window.__walkaway!.snapshot()!);
    expect(after.turn).toBe(movesBefore + 1);
    expect(await page.locator(testid('builder-send')).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('fits its panel with two issues and with five (nine prices in a row), as opened and after a pick', async () => {
    const { page, errors } = await quickPage(h.browser);
    await openMenu(page, `${h.url}?seed=3`);
    for (const scenario of ['tutorial', 'enterprise-deal']) {
      await actAndWait(page, `menu-scenario-${scenario}`);
      await actAndWait(page, 'start');
      await actAndWait(page, 'briefing-continue');
      for (let guard = 0; guard < 12 && !(await page.locator(testid('propose-open')).count()); guard++) {
        await actAndWait(page, (await choiceIds(page))[0]!);
      }
      await actAndWait(page, 'propose-open');
      // The value scale's labels (walk-away, target) stay clear of the buttons beside them; every price
      // chip keeps its price on one line; the counterpart's title is whole.
      expect(await overflows(page), `${scenario}, as opened`).toEqual([]);
      const unpicked = await page.$$eval('#a11y [data-testid^="builder-"][aria-pressed="false"]', (els) =>
        els.map((e) => (e as HTMLElement).dataset['testid']!),
      );
      // The first other option (the list price): the worth moves well above the walk-away mark.
      await actAndWait(page, unpicked[0]!);
      expect(await overflows(page), `${scenario}, after a pick`).toEqual([]);
      // Back to the menu in the page (a reload would compile the game again).
      await actAndWait(page, 'builder-cancel');
      await actAndWait(page, 'to-menu');
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
