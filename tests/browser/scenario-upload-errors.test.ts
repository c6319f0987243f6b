import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, fixture, openMenu, startHarness, testid, uploadScenario, watchErrors, type Harness } from './harness.ts';

const mistake = (name: string) => readFileSync(new URL(`../engine/scenario/fixtures/${name}`, import.meta.url), 'utf8');

/** A trainer's broken file in the browser: the same plain words as `walkaway check`. */
describe('errors a trainer understands, in the browser upload', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('one mis-indented line is one problem with the line and a caret; paths count from 1; shape and references together', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    await openMenu(page, h.url);
    const problems = async () => {
      await page.locator(testid('scenario-problems')).waitFor({ state: 'visible' });
      return page.$$eval(testid('scenario-problem'), (els) => els.map((e) => e.textContent ?? ''));
    };

    await uploadScenario(page, 'mis-indented.yaml', mistake('mis-indented.yaml'));
    const [indent, ...more] = await problems();
    expect(more).toEqual([]);
    const [head, source, caret] = indent!.split('\n');
    expect(head).toMatch(/^mis-indented\.yaml:\d+:4 {2}\(file\) {2}this line is not indented like the lines around it/);
    expect(source).toMatch(/\| {4}label: Price$/);
    expect(caret).toMatch(/\| {4}\^$/);
    // The caret sits under the column on screen too (the list keeps spaces and uses a fixed-width font).
    const style = await page.$eval(testid('scenario-problem'), (el) => ({ space: getComputedStyle(el).whiteSpace, font: getComputedStyle(el).fontFamily }));
    expect(style.space).toMatch(/pre/);
    expect(style.font).toMatch(/mono|Menlo|Consolas/i);
    await page.screenshot({ path: '/tmp/checks/upload-mis-indented.png' });
    await act(page, 'dismiss-problems');

    await uploadScenario(page, 'comma-split-label.yaml', mistake('comma-split-label.yaml'));
    expect(await problems()).toEqual([
      expect.stringMatching(
        /issues\[1\]\.options\[3\]\.paid yearly {2}unknown field "paid yearly": an unquoted comma inside \{ \} ends a value.*label: "10% off, paid yearly"$/,
      ),
    ]);
    await act(page, 'dismiss-problems');

    const both = fixture('mini.yaml').replace('    patience: 2', '    patience: soon').replace('        backedBy: [other-deal]', '        backedBy: [ghost]');
    await uploadScenario(page, 'both.yaml', both);
    const listed = await problems();
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatch(/beats\[3\]\.choices\[1\]\.backedBy\[1\] {2}unknown fact "ghost"/);
    expect(listed[1]).toMatch(/personas\[1\]\.patience {2}expected number, got string "soon"/);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
