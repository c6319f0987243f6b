import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actAndWait, gameSnapshot, openMenu, screen, startHarness, testid, watchErrors, type Harness } from './harness.ts';

/**
 * Issue 7's new user: dominant-vendor against Jordan Pike, prepared, then signalling weakness and
 * walking. The debrief in the browser names the turn that cost the most and what showing strength
 * there would have been worth, in money, and scores below the strong game.
 */
const PREP = ['cost-alternative', 'cost-switching', 'align-leadership'];
const GAMES = {
  weak: [...PREP, 'we-know', 'usage-data', 'ask-basis', 'fear-confirmed', 'back-down', 'trade-lock-for-flat', 'walk-final'],
  strong: [...PREP, 'quiet-opening', 'usage-data', 'our-figure', 'show-numbers', 'quiet-conviction', 'mapped-integrations', 'accept-final'],
};

describe('the browser debrief shows key moments', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function play(prefs: string[]) {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    await page.addInitScript(() => localStorage.setItem('walkaway.settings', JSON.stringify({ volume: 0.7, muted: true, textSpeed: 'instant' })));
    await openMenu(page, `${h.url}?seed=1`);
    await actAndWait(page, 'menu-scenario-dominant-vendor');
    await actAndWait(page, 'menu-persona-account-manager');
    await actAndWait(page, 'start');
    await actAndWait(page, 'briefing-continue');
    for (let guard = 0; guard < 40 && (await screen(page)) !== 'debrief'; guard++) {
      const ids = (await gameSnapshot(page))!.choices.map((c) => c.id);
      const pick = prefs.find((p) => ids.includes(p));
      if (!pick) throw new Error(`no preferred choice among ${ids.join(', ')}`);
      await actAndWait(page, `choice-${pick}`);
    }
    const total = Number(/\d+/.exec((await page.textContent(testid('debrief-total'))) ?? '')![0]);
    const moments = await page.$$eval(`${testid('debrief-key-moments')} li`, (els) => els.map((e) => e.textContent ?? ''));
    await page.close();
    return { total, moments, errors };
  }

  it('the weak game scores below the strong one, and its debrief says in money what strength at turn 4 would have changed', async () => {
    const weak = await play(GAMES.weak);
    const strong = await play(GAMES.strong);
    expect(weak.errors).toEqual([]);
    expect(strong.total).toBeGreaterThan(weak.total + 5);
    const atFour = weak.moments.find((m) => m.startsWith('At turn 4,'));
    expect(atFour, weak.moments.join(' | ')).toMatch(/instead of "Look, we all know we can't really leave you/);
    expect(atFour).toMatch(/worth about (\$\d+K saved over three years|\d+ points) more/);
  }, 600_000);
});
