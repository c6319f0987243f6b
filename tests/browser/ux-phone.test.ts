import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { actAndWait, openMenu } from './harness.ts';
import { canvasText, fileHarness, playToDebrief, quickPage } from './ux-helpers.ts';

/**
 * Phones, in both orientations with touch: the page a rep reads and taps (the text version) shows body
 * text at 14 CSS px or more and buttons at least 44 px tall, on the menu, at the table and in the
 * debrief; keyboard hints appear with a mouse and never on a touch-only device; no paragraph of that page
 * says again what another says (the debrief's outcome once, after a walk-away too); keyboard focus on a
 * phone leaves the stage as it was.
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

  /** Paragraphs of the text version that say again what another paragraph already says. */
  const repeats = (page: Page) =>
    page.evaluate(() => {
      const paragraphs = [...document.querySelectorAll('#a11y p')].map((e) => (e.textContent ?? '').trim()).filter((t) => t.length >= 12);
      return paragraphs.filter((p, i) => paragraphs.some((other, j) => j !== i && other.includes(p) && (other !== p || j < i)));
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
      expect(await repeats(page), `${where} briefing`).toEqual([]);
      await actAndWait(page, 'briefing-continue');
      await check('preparation');
      expect(await repeats(page), `${where} preparation`).toEqual([]);
      // A keyboard on a phone: focus in the text version leaves the stage where it was, at its size.
      const stageBefore = await page.locator('#game').boundingBox();
      await page.keyboard.press('Tab');
      await page.waitForFunction(() => document.querySelector('#a11y :focus-visible') !== null);
      expect(await page.locator('#game').boundingBox(), `${where} stage with keyboard focus`).toEqual(stageBefore);
      if (vp.width < vp.height) {
        // To the debrief by walking away: the outcome is said once, not once more below itself.
        await playToDebrief(page, (snap) => snap.choices.find((c) => c.tags.includes('walk-away'))?.id ?? snap.choices[0]!.id);
        await check('debrief');
        const outcome = await page.evaluate(() => window.__walkaway!.result()!.outcome);
        expect(outcome).not.toBe('deal');
        const page1 = (await page.textContent('#a11y')) ?? '';
        expect(page1.split(/You walked away|They walked away/).length - 1, `${where} debrief`).toBe(1);
        expect(await repeats(page), `${where} debrief`).toEqual([]);
      }
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
