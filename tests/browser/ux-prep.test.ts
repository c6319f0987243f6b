import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { actAndWait, choiceIds, screen, testid } from './harness.ts';
import { fileHarness, overflows, quickPage, startScenario } from './ux-helpers.ts';

/**
 * Preparation gives nothing away: what a prep action changes is not shown before the choice (canvas or
 * text version), coach mode explains the choice after it is made, practice mode moves straight on, and
 * the order of the choices is the seed's (the same for the same seed, different across seeds); the
 * coach's tip and the explanation fit their panels.
 */
describe('preparation', () => {
  const h = fileHarness();

  async function toPrep(page: Page, seed: number, mode: 'coach' | 'practice'): Promise<void> {
    await startScenario(page, h.url, { seed, scenario: 'renewal', mode });
    expect(await screen(page)).toBe('preparation');
  }

  it('explains a prep choice only after it is made, and keeps the choice order of the seed', async () => {
    const { page, errors } = await quickPage(h.browser);

    await toPrep(page, 7, 'coach');
    const explains = await page.evaluate(() => window.__walkaway!.snapshot()!.choices.map((c) => c.explain ?? ''));
    expect(explains.filter(Boolean).length).toBeGreaterThan(0);
    const before = (await page.textContent('#a11y')) ?? '';
    const canvasBefore = await page.evaluate(() =>
      window
        .__walkaway!.layout()!
        .texts.map((t) => t.text)
        .join(' '),
    );
    for (const e of explains.filter(Boolean)) {
      expect(before).not.toContain(e);
      expect(canvasBefore.replace(/\s+/g, ' ')).not.toContain(e);
    }
    const firstOrder = await choiceIds(page);
    const first = firstOrder[0]!.slice('choice-'.length);
    const chosenExplain = await page.evaluate((id) => window.__walkaway!.snapshot()!.choices.find((c) => c.id === id)?.explain ?? '', first);
    await actAndWait(page, `choice-${first}`);
    // Coach mode: the next step says what the choice just made changed and why, beside its own choices.
    expect(await page.textContent(testid('prep-explained'))).toContain(chosenExplain);
    expect(await page.locator('#a11y [data-testid^="choice-"]').count()).toBeGreaterThan(0);
    // The renewal's second step has the longest tip (three lines): it stays inside the coach's panel,
    // with the coach's line above it and the explanation below.
    expect(await page.textContent(testid('hint'))).toMatch(/^Tip: /);
    expect(await overflows(page)).toEqual([]);

    // The same seed gives the same order (the engine's seeded order; other seeds are tested there).
    await toPrep(page, 7, 'practice');
    expect(await choiceIds(page)).toEqual(firstOrder);
    // Practice mode: no explanation (the debrief has every one).
    const practiceFirst = (await choiceIds(page))[0]!;
    await actAndWait(page, practiceFirst);
    expect(await page.locator(testid('prep-explained')).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
