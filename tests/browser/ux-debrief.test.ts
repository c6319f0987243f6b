import { describe, expect, it } from 'vitest';
import { actAndWait } from './harness.ts';
import { canvasText, fileHarness, longChoice, overflows, playToDebrief, quickPage, startScenario } from './ux-helpers.ts';

/**
 * The debrief fits and explains: for the longest game of every shipped scenario, every move, anti-pattern
 * and failed check is drawn on some page of some tab (reachable by the tab and page buttons), no text
 * runs out of its panel, failed checks name a turn or say it was the whole negotiation, moves carry
 * their explanations, and "your position" is explained; the game re-watched fits too.
 */
describe('debrief', () => {
  const h = fileHarness();

  it('shows every item of a long game on the canvas, inside its panel', async () => {
    const { page, errors } = await quickPage(h.browser);
    // The richest shipped scenario (five issues, the longest games); scripts/screenshot-sweep.ts runs the
    // same layout check over every scenario at every screen size.
    for (const scenario of ['enterprise-deal']) {
      await startScenario(page, h.url, { seed: 3, scenario });
      await playToDebrief(page, longChoice);
      const result = await page.evaluate(() => {
        const r = window.__walkaway!.result()!;
        return {
          moves: r.transcript.map((t) => `Turn ${t.turn}`),
          antiPatterns: r.antiPatterns.map((a) => `Turn ${a.turn}: ${a.label}`),
          failed: Object.values(r.score.dimensions).flatMap((d) => d.checks.filter((c) => !c.passed).map((c) => c.label)),
        };
      });
      const seen: string[] = [];
      for (const tab of ['summary', 'work', 'moves', 'checks']) {
        await actAndWait(page, `debrief-tab-${tab}`);
        for (let n = 0; n < 12; n++) {
          expect(await overflows(page), `${scenario} ${tab} page ${n + 1}`).toEqual([]);
          seen.push(await canvasText(page));
          const next = page.locator('#a11y [data-testid="debrief-page-next"]');
          if (!(await next.count()) || (await next.isDisabled())) break;
          await actAndWait(page, 'debrief-page-next');
        }
      }
      const all = seen.join('\n');
      for (const m of result.moves) expect(all, `${scenario}: ${m}`).toContain(`${m}`);
      for (const a of result.antiPatterns) expect(all, scenario).toContain(a);
      for (const f of result.failed) expect(all.replace(/\s+/g, ' '), scenario).toContain(f.replace(/\s+/g, ' '));
      expect(all).toContain('Your position: the best deal you were still asking for');

      // The text version: failed checks say where and what instead; moves carry their explanations.
      const checks = await page.$$eval('#a11y [data-testid^="check-"]', (els) => els.map((e) => e.textContent ?? ''));
      for (const c of checks.filter((t) => t.startsWith('No:'))) expect(c).toMatch(/Turns? \d|No single turn decided this/);
      const moves = await page.$$eval('#a11y [data-testid^="move-"]', (els) => els.map((e) => e.textContent ?? ''));
      expect(moves.length).toBe(result.moves.length);
      expect(moves.some((m) => m.includes('. Why: '))).toBe(true);
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 400_000);

  it('re-watches a game with six issues, every term on its own lines', async () => {
    const { page, errors } = await quickPage(h.browser);
    await startScenario(page, h.url, { seed: 3, scenario: 'renewal' });
    await playToDebrief(page, (snap) => snap.choices.find((c) => c.tags.includes('walk-away'))?.id ?? snap.choices[0]!.id);
    await actAndWait(page, 'rewatch');
    // The renewal's terms wrap to two lines ("Customer commitments: No commitments from the customer"):
    // the next term starts below, never over it.
    expect(await page.$$eval('#a11y [data-testid="rewatch-terms"] li', (els) => els.length)).toBe(7);
    expect(await overflows(page), 'first move').toEqual([]);
    await actAndWait(page, 'rewatch-end');
    expect(await overflows(page), 'the end').toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
