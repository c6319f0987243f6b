import { describe, expect, it } from 'vitest';
import { actAndWait, screen, testid } from './harness.ts';
import { canvasText, fileHarness, longChoice, playToDebrief, quickPage, startScenario } from './ux-helpers.ts';

/**
 * One turn numbering: the table's clock (canvas and text version), the saved-games list and the
 * debrief all number a decision the same way, and the clock never promises turns once the counterpart
 * has made its final offer.
 */
describe('turn numbering', () => {
  const h = fileHarness();

  it('numbers every turn the same on the table, in saves and in the debrief', async () => {
    const { page, errors } = await quickPage(h.browser);
    await startScenario(page, h.url, { seed: 4, scenario: 'enterprise-deal', mode: 'practice' });
    const shown: number[] = [];
    let sawFinal = false;
    let savedChecked = false;
    await playToDebrief(page, longChoice, async (snap) => {
      if ((await screen(page)) !== 'negotiation') {
        shown.push(snap.turn + 1);
        return;
      }
      const clock = (await page.textContent(testid('clock'))) ?? '';
      const n = Number(/^Turn (\d+)/.exec(clock)?.[1]);
      shown.push(n);
      expect(n).toBe(snap.turn + 1);
      expect((await canvasText(page)).toUpperCase()).toContain(clock.replace(/\.$/, '').toUpperCase());
      if (snap.stage === 'closing') {
        sawFinal = true;
        expect(clock).toContain('Their final offer');
        expect(clock).not.toMatch(/more turns/);
      }
      if (!savedChecked && snap.turn >= 5) {
        // Leave for the menu: the saved game is listed at the same turn, and continues there.
        savedChecked = true;
        await actAndWait(page, 'to-menu');
        expect(await page.textContent(testid('continue'))).toContain(`turn ${snap.turn + 1}`);
        await actAndWait(page, 'continue');
        await page.waitForSelector('#a11y[data-screen="negotiation"]', { state: 'attached' });
      }
    });
    expect(sawFinal).toBe(true);
    expect(savedChecked).toBe(true);
    const debriefTurns = await page.$$eval('#a11y [data-testid^="move-"]', (els) => els.map((e) => Number(/^Turn (\d+)/.exec(e.textContent ?? '')?.[1])));
    expect(debriefTurns).toEqual(shown);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
