import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { actAndWait, openMenu } from './harness.ts';
import { canvasText, fileHarness, quickPage } from './ux-helpers.ts';

/**
 * Phones, in both orientations with touch: the page a rep reads and taps (the text version) shows body
 * text at 14 CSS px or more and buttons at least 44 px tall, on the menu, at the table and in the
 * debrief; keyboard hints appear with a mouse and never on a touch-only device.
 */
describe('phones', () => {
  const h = fileHarness();

  /** The smallest visible text size and button height of the text version, and whether it is on screen. */
  const measure = (page: Page) =>
    page.evaluate(() => {
      const root = document.getElementById('a11y')!;
      const box = root.getBoundingClientRect();
      const texts = [...root.querySelectorAll<HTMLElement>('p, li, button')].filter((e) => e.getBoundingClientRect().height > 0);
      const buttons = [...root.querySelectorAll<HTMLElement>('button')].filter((e) => e.getBoundingClientRect().height > 0);
      return {
        width: box.width,
        height: box.height,
        smallestText: Math.min(...texts.map((e) => parseFloat(getComputedStyle(e).fontSize))),
        smallestButton: Math.min(...buttons.map((e) => e.getBoundingClientRect().height)),
        buttons: buttons.length,
      };
    });

  it('reads and taps on a phone held either way; keyboard hints only with a keyboard', async () => {
    for (const vp of [
      { width: 390, height: 844 },
      { width: 844, height: 390 },
    ]) {
      const { page, errors } = await quickPage(h.browser, { viewport: vp, hasTouch: true, isMobile: true });
      await openMenu(page, `${h.url}?seed=2`);
      const where = `${vp.width}x${vp.height}`;
      const check = async (label: string) => {
        const m = await measure(page);
        expect(m.width, `${where} ${label}`).toBeGreaterThan(vp.width * 0.5);
        expect(m.buttons, `${where} ${label}`).toBeGreaterThan(0);
        expect(m.smallestText, `${where} ${label}`).toBeGreaterThanOrEqual(14);
        expect(m.smallestButton, `${where} ${label}`).toBeGreaterThanOrEqual(44);
      };
      await check('menu');
      expect(await canvasText(page)).not.toContain('Keys:');
      // A touch on a real button of the page starts the game.
      await page.tap('#a11y [data-testid="start"]');
      await page.waitForSelector('#a11y[data-screen="briefing"]', { state: 'attached' });
      await check('briefing');
      await actAndWait(page, 'briefing-continue');
      await check('preparation');
      expect(errors).toEqual([]);
      await page.close();
    }
    const desktop = await h.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await openMenu(desktop, `${h.url}?seed=2`);
    expect(await canvasText(desktop)).toContain('Keys:');
    const hidden = await desktop.evaluate(() => document.getElementById('a11y')!.getBoundingClientRect().width);
    expect(hidden).toBeLessThanOrEqual(1);
    await desktop.close();
  }, 240_000);
});
