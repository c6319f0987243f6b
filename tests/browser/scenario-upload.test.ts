import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, fixture, openMenu, renderCount, screen, startHarness, testid, uploadScenario, waitForRender, watchErrors, type Harness } from './harness.ts';

/** A trainer's own scenario file: problems are listed with file, line, column and field; a valid file plays at once. */
describe('your own scenario file', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lists every problem of a broken file with its line and field', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    await openMenu(page, h.url);
    await uploadScenario(page, 'browser-broken.yaml', fixture('browser-broken.yaml'));
    const panel = page.locator(testid('scenario-problems'));
    await panel.waitFor({ state: 'visible' });
    const problems = await page.$$eval(testid('scenario-problem'), (els) => els.map((e) => e.textContent ?? ''));
    expect(problems).toContain('browser-broken.yaml:155:17  personas[1].difficulty  at most 5 (got 9)');
    expect(problems.some((p) => /^browser-broken\.yaml:159:5 {2}personas\[1\]\.skeptisism {2}unknown field "skeptisism"$/.test(p))).toBe(true);
    expect(problems.some((p) => p.includes('personas[1].skepticism') && p.includes('required field is missing'))).toBe(true);
    // The broken file is not offered; the game stays on the menu and keeps working.
    expect(await page.locator(testid('menu-scenario-browser-mini')).count()).toBe(0);
    expect(await screen(page)).toBe('menu');
    await act(page, 'dismiss-problems');
    await panel.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('shows scenario text as text, never as markup', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    await openMenu(page, h.url);
    const hostile = fixture('browser-mini.yaml').replace('title: Analytics renewal (test fixture)', 'title: "<img src=x onerror=alert(1)> renewal"');
    await uploadScenario(page, 'hostile.yaml', hostile);
    const card = page.locator(testid('menu-scenario-browser-mini'));
    await card.waitFor({ state: 'attached' });
    expect(await card.textContent()).toContain('<img src=x onerror=alert(1)> renewal');
    expect(await page.locator('#a11y img, #notices img').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('plays a valid file at once, from the file picker or dropped on the page', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    await openMenu(page, h.url);
    // Drag and drop: a real drop event carrying the file.
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped-mini.yaml', { type: 'text/yaml' }));
      document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, fixture('browser-mini.yaml'));
    await page.waitForSelector(`${testid('menu-scenario-browser-mini')}[aria-pressed="true"]`, { state: 'attached' });
    expect(await page.textContent(testid('notice'))).toContain('dropped-mini.yaml');

    await act(page, 'menu-persona-morgan');
    await page.waitForSelector(`${testid('menu-persona-morgan')}[aria-pressed="true"]`, { state: 'attached' });
    const r = await renderCount(page);
    await act(page, 'start');
    await waitForRender(page, r);
    expect(await screen(page)).toBe('briefing');
    expect(await page.textContent(testid('briefing-persona'))).toContain('Morgan Lee');
    expect(await page.textContent(testid('briefing-situation'))).toContain("Northwind's analytics licence");
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
