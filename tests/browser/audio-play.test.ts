import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { actAndWait, fixture, openMenu, startHarness, testid, uploadScenario, watchErrors, type Harness } from './harness.ts';

/** Sound, where the browser allows autoplay: cues really start (Howler's play events), and mute sticks. */
describe('audio', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ autoplay: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  const played = (page: Page) => page.evaluate(() => [...window.__walkaway!.sound.played]);

  it('plays the click, prep, choice and outcome cues through Howler', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    await openMenu(page, `${h.url}?seed=5`);
    await uploadScenario(page, 'browser-mini.yaml', fixture('browser-mini.yaml'));
    await page.waitForSelector(`${testid('menu-scenario-browser-mini')}[aria-pressed="true"]`, { state: 'attached' });
    for (const id of [
      'start',
      'briefing-continue',
      'choice-build-pipeline',
      'choice-research-vendors',
      'choice-ask-alternatives',
      'choice-trade-term',
      'choice-walk',
    ]) {
      await actAndWait(page, id);
    }
    await page.waitForFunction(() => window.__walkaway!.sound.played.includes('outcome-walked'), undefined, { timeout: 10_000 });
    const ids = await played(page);
    expect(ids).toEqual(expect.arrayContaining(['ui-click', 'prep-tick', 'choice', 'outcome-walked']));
    // A trade pleases the counterpart: its mood changes and the matching sting plays.
    expect(ids).toContain('sting-pleased');
    expect(await page.evaluate(() => window.__walkaway!.sound.failures.length)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('keeps the mute and volume settings across a reload and plays nothing when muted', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    await openMenu(page, h.url);
    await actAndWait(page, 'volume-down');
    await actAndWait(page, 'mute');
    expect(await page.getAttribute(testid('mute'), 'aria-pressed')).toBe('true');
    await page.reload();
    await page.waitForSelector(testid('volume-value'), { state: 'attached' });
    expect(await page.textContent(testid('volume-value'))).toBe('Volume 60% (muted)');
    expect(await page.evaluate(() => [window.__walkaway!.sound.muted, window.__walkaway!.sound.volume])).toEqual([true, 0.6]);
    await actAndWait(page, 'text-speed');
    await page.waitForTimeout(300);
    expect(await played(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
