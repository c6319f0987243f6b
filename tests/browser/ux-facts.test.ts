import { describe, expect, it } from 'vitest';
import { actAndWait, openMenu, screen, testid } from './harness.ts';
import { canvasText, fileHarness, quickPage, startScenario } from './ux-helpers.ts';

/**
 * The facts, the panels and the text version agree, for every shipped scenario: the facts listed in the
 * text version are the facts drawn on the canvas, an empty list says the same thing in both, the
 * walk-away and target in the text match the engine's, and no fact quotes a walk-away other than the
 * one on the panel.
 */
describe('facts and panels agree', () => {
  const h = fileHarness();

  it('shows the same facts and numbers on the canvas and in the text version', async () => {
    const { page, errors } = await quickPage(h.browser);
    await openMenu(page, `${h.url}?seed=6`);
    const scenarios = await page.$$eval('#a11y [data-testid^="menu-scenario-"]', (els) =>
      els.map((e) => (e as HTMLElement).dataset['testid']!.slice('menu-scenario-'.length)),
    );
    for (const scenario of scenarios) {
      // Through preparation by the last choice of each step (an empty hand is likelier).
      for (const pickLast of [true]) {
        await startScenario(page, h.url, { seed: 6, scenario, mode: 'practice' });
        while ((await screen(page)) === 'preparation') {
          const ids = await page.$$eval('#a11y [data-testid^="choice-"]', (els) => els.map((e) => (e as HTMLElement).dataset['testid']!));
          await actAndWait(page, pickLast ? ids[ids.length - 1]! : ids[0]!);
        }
        expect(await screen(page)).toBe('negotiation');
        const facts = await page.$$eval(`${testid('facts')} li`, (els) => els.map((e) => e.textContent ?? ''));
        const canvas = (await canvasText(page)).replace(/\s+/g, ' ');
        expect(facts.length).toBeGreaterThan(0);
        for (const f of facts) expect(canvas, `${scenario}: ${f}`).toContain(f.replace(/\s+/g, ' ').slice(0, 40));
        const snap = await page.evaluate(() => {
          const s = window.__walkaway!.snapshot()!;
          return { walkAway: s.walkAwayValue, target: s.target, unit: s.unit };
        });
        const value = (await page.textContent(testid('value'))) ?? '';
        expect(value).toContain(`walk-away: `);
        const shownWalkAway = /walk-away: \$?([\d.,]+)/.exec(value)?.[1];
        expect(Number(shownWalkAway?.replace(/,/g, '')), `${scenario} walk-away`).toBeCloseTo(snap.walkAway, 0);
        // A fact that names a walk-away figure names the one on the panel.
        for (const f of facts.filter((x) => /walk-away/i.test(x))) {
          const quoted = /\$(\d+)K/.exec(f)?.[1];
          if (quoted) expect(Number(quoted), `${scenario}: ${f}`).toBe(snap.walkAway);
        }
      }
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 400_000);
});
