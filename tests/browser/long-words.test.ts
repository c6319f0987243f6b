import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, actAndWait, fixture, openMenu, screen, startHarness, testid, uploadScenario, waitForScreen, watchErrors, type Harness } from './harness.ts';

/** A line of one unbroken word at the 2,000-character limit must not freeze the page (it took seconds once). */
describe("over-long words in a trainer's file", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('wraps a 2,000-character word (the longest line a file may hold) in a line, a hint and a choice, with no error', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    await openMenu(page, h.url);
    const word = 'Unbreakable'.repeat(182).slice(0, 2000);
    const text = fixture('browser-mini.yaml')
      .replace('line: Before the call, what will you do about your alternatives?', `line: ${word}`)
      .replace('hint: A real alternative is what lets you walk.', `hint: ${word}`)
      .replace(/(- id: build-pipeline\n\s+text: )[^\n]+/, `$1${word}`);
    await uploadScenario(page, 'long-words.yaml', text);
    await page.waitForSelector(`${testid('menu-scenario-browser-mini')}[aria-pressed="true"]`, { state: 'attached' });
    await actAndWait(page, 'start');
    expect(await screen(page)).toBe('briefing');
    await act(page, 'briefing-continue');
    await waitForScreen(page, 'preparation');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    await page.screenshot({ path: '/tmp/walkaway-long-words.png' });
    expect(await page.textContent('#a11y')).toContain(word);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
