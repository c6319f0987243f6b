import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTERPRISE_CLEAN } from '../helpers.ts';
import { actAndWait, gameSnapshot, screen, startHarness, testid, watchErrors, type Harness } from './harness.ts';
import { instantText, playToDebrief, preferring, text, TUTORIAL_GOOD, TUTORIAL_POOR, waitForStart } from './practice-helpers.ts';

/** A new rep on the learning path: lands on it, passes step 1 in coach mode (taking a move back), then step 2. */
describe('the learning path', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a new rep lands on the path, passes step 1 (coach, with a take-back), and only then step 2 opens and can be passed', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await instantText(page);
    await page.goto(`${h.url}?seed=3`);
    expect(await waitForStart(page)).toBe('path');
    expect(await text(page, 'path-status')).toMatch(/0 of 10 steps done/);
    const step2 = page.locator(testid('path-step-build-before-you-sit'));
    expect(await step2.textContent()).toMatch(/locked/);
    await page.screenshot({ path: '/tmp/practice-path-menu.png' });

    // Step 2 is locked: selecting it shows its card, but it cannot be played.
    await actAndWait(page, 'path-step-build-before-you-sit');
    expect(await text(page, 'path-concept')).toMatch(/Build the alternative first/);
    expect(await page.locator(testid('path-play')).isDisabled()).toBe(true);

    // Step 1: the tutorial in coach mode.
    await actAndWait(page, 'path-step-what-is-a-batna');
    await actAndWait(page, 'path-play');
    expect(await screen(page)).toBe('briefing');
    await actAndWait(page, 'briefing-continue');
    // A first try that fails the pass mark keeps step 2 locked.
    await playToDebrief(page, preferring(TUTORIAL_POOR));
    expect(Number((await text(page, 'debrief-total')).match(/\d+/)![0])).toBeLessThan(60);
    await actAndWait(page, 'to-menu');
    expect(await screen(page)).toBe('path');
    expect(await page.locator(testid('path-step-build-before-you-sit')).textContent()).toMatch(/locked/);

    await actAndWait(page, 'path-play');
    await actAndWait(page, 'briefing-continue');
    // Coach mode shows the hint; take back a move and get exactly the turn before.
    const pick = preferring(TUTORIAL_GOOD);
    for (let i = 0; i < 3; i++) {
      if ((await screen(page)) === 'negotiation') break;
      await actAndWait(page, `choice-${pick((await gameSnapshot(page))!)}`);
    }
    expect(await screen(page)).toBe('negotiation');
    expect(await page.locator(testid('hint')).count()).toBe(1);
    const before = await gameSnapshot(page);
    const lineBefore = await text(page, 'line');
    const termsBefore = await page.$$eval('#a11y [data-testid^="term-"]', (els) => els.map((e) => e.textContent));
    await page.screenshot({ path: '/tmp/practice-coach-turn.png' });
    const wrong = before!.choices.find((c) => c.id !== pick(before!))!.id;
    await actAndWait(page, `choice-${wrong}`);
    expect((await gameSnapshot(page))!.turn).toBe(before!.turn + 1);
    await actAndWait(page, 'take-back');
    expect(await gameSnapshot(page)).toEqual(before);
    expect(await text(page, 'line')).toBe(lineBefore);
    expect(await page.$$eval('#a11y [data-testid^="term-"]', (els) => els.map((e) => e.textContent))).toEqual(termsBefore);
    // Once per turn: after taking back, the next move cannot be taken back again... until a new turn.
    await actAndWait(page, `choice-${pick(before!)}`);
    await playToDebrief(page, pick);
    expect(Number((await text(page, 'debrief-total')).match(/\d+/)![0])).toBeGreaterThanOrEqual(60);
    expect(await text(page, 'debrief-practice')).toContain(`Coach mode You took back move ${before!.turn + 1} (coach mode only`);

    await actAndWait(page, 'to-menu');
    expect(await screen(page)).toBe('path');
    expect(await page.locator(testid('path-step-what-is-a-batna')).textContent()).toMatch(/done/);
    expect(await page.locator(testid('path-step-build-before-you-sit')).textContent()).toMatch(/up next/);
    expect(await text(page, 'path-status')).toMatch(/1 of 10 steps done/);

    // Step 2: the enterprise deal against the friendliest buyer, also coach mode.
    await actAndWait(page, 'path-play');
    expect(await page.textContent(testid('screen-title'))).toMatch(/enterprise deal/i);
    await playToDebrief(page, preferring(ENTERPRISE_CLEAN));
    expect(Number((await text(page, 'debrief-total')).match(/\d+/)![0])).toBeGreaterThanOrEqual(60);
    await actAndWait(page, 'to-menu');
    expect(await text(page, 'path-status')).toMatch(/2 of 10 steps done/);
    expect(await page.locator(testid('path-step-give-and-get')).textContent()).toMatch(/up next/);
    expect(errors).toEqual([]);
    await context.close();
  }, 400_000);
});
