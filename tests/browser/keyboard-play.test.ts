import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  actAndWait,
  canvasColourCount,
  choiceIds,
  gameSnapshot,
  openMenu,
  pressControl,
  screen,
  sensibleChoice,
  startHarness,
  tabTo,
  testid,
  watchErrors,
  type Harness,
} from './harness.ts';

/**
 * A whole game through the accessibility layer with the keyboard alone (Tab and Enter), on the first
 * built-in scenario: menu, briefing, preparation, the table, and a debrief whose scores are readable text.
 */
describe('keyboard-only play through the accessibility layer', () => {
  let h: Harness;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    h = await startHarness();
    page = await h.browser.newPage({ viewport: { width: 1280, height: 720 } });
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('plays from the menu to the debrief with Tab and Enter, with a drawn canvas and no errors', async () => {
    await openMenu(page, `${h.url}?seed=7`);
    expect(await page.getAttribute('#game canvas', 'aria-hidden')).toBe('true');
    const scenarios = await page.$$eval('#a11y [data-testid^="menu-scenario-"]', (els) => els.map((e) => e.textContent));
    expect(scenarios.length).toBeGreaterThan(0);

    // The keyboard user sees where focus is: the text layer opens and the focused button is drawn.
    await tabTo(page, 'start');
    const focusedBox = await page.locator(testid('start')).boundingBox();
    expect(focusedBox!.width).toBeGreaterThan(100);
    expect(focusedBox!.height).toBeGreaterThan(20);
    await pressControl(page, 'start');
    expect(await screen(page)).toBe('briefing');
    expect(await page.textContent(testid('briefing-facts'))).not.toBe('');
    await pressControl(page, 'briefing-continue');

    let sawNegotiation = false;
    for (let guard = 0; guard < 40 && (await screen(page)) !== 'debrief'; guard++) {
      const snap = (await gameSnapshot(page))!;
      const current = await screen(page);
      expect(current).toBe(snap.phase === 'prep' ? 'preparation' : 'negotiation');
      // What is said is in the polite live region, in full, while the canvas is still typing it.
      const live = page.locator(testid('line'));
      expect(await live.getAttribute('aria-live')).toBe('polite');
      expect(await live.textContent()).toContain(snap.line.slice(0, 40));
      // Every choice is a real button with the choice's text.
      const ids = await choiceIds(page);
      expect(ids).toEqual(snap.choices.map((c) => `choice-${c.id}`));
      if (current === 'negotiation' && !sawNegotiation) {
        sawNegotiation = true;
        expect(await page.locator('#a11y [data-testid^="term-"]').count()).toBeGreaterThan(0);
        await page.waitForTimeout(400);
        expect(await canvasColourCount(page)).toBeGreaterThan(40);
      }
      await pressControl(page, `choice-${sensibleChoice(snap)}`);
    }
    expect(sawNegotiation).toBe(true);
    expect(await screen(page)).toBe('debrief');

    // The debrief as text: total, grade, every dimension with yes/no checks, anti-patterns.
    const result = await page.evaluate(() => window.__walkaway!.result()!);
    expect(await page.textContent(testid('debrief-total'))).toBe(`Score: ${result.score.total} out of 100`);
    expect(await page.textContent(testid('debrief-grade'))).toBe(`Grade: ${result.score.grade}`);
    for (const [id, dim] of Object.entries(result.score.dimensions)) {
      const items = await page.$$eval(`${testid(`debrief-dimension-${id}`)} li`, (els) => els.map((e) => e.textContent ?? ''));
      // A failed check goes on to say where it was lost and what to do instead.
      expect(items.map((t, i) => t.slice(0, `${dim.checks[i]!.passed ? 'Yes' : 'No'}: ${dim.checks[i]!.label}`.length))).toEqual(
        dim.checks.map((c) => `${c.passed ? 'Yes' : 'No'}: ${c.label}`),
      );
    }
    const antiPatterns = await page.$$eval(`${testid('debrief-anti-patterns')} li`, (els) => els.length);
    expect(antiPatterns).toBe(Math.max(1, result.antiPatterns.length));
    await page.waitForTimeout(400);
    expect(await canvasColourCount(page)).toBeGreaterThan(40);

    // Replay starts the same counterpart again, still by keyboard.
    await pressControl(page, 'replay');
    expect(await screen(page)).toBe('briefing');
    expect(errors).toEqual([]);
  }, 180_000);

  it('plays with the mouse on the canvas and the number keys, scaled to a phone in landscape', async () => {
    const phone = await h.browser.newPage({ viewport: { width: 844, height: 390 }, hasTouch: true, isMobile: true });
    const phoneErrors = watchErrors(phone);
    await openMenu(phone, `${h.url}?seed=11`);
    // Scale.FIT: the whole 16:9 canvas is inside its area (beside the text version on a phone) and centred.
    const box = (await phone.locator('#game canvas').boundingBox())!;
    const area = (await phone.locator('#game').boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(390.5);
    expect(box.width).toBeLessThanOrEqual(area.width + 0.5);
    expect(box.width / box.height).toBeCloseTo(1280 / 720, 1);
    expect(Math.abs(box.x + box.width / 2 - (area.x + area.width / 2))).toBeLessThan(2);
    const k = box.width / 1280;
    const tapGame = (x: number, y: number) => phone.mouse.click(box.x + x * k, box.y + y * k);

    // Start (canvas button at 32..322 x 572..632), then the briefing's continue (972..1248 x 648..704).
    await tapGame(177, 602);
    await phone.waitForSelector('#a11y[data-screen="briefing"]', { state: 'attached' });
    await tapGame(1110, 676);
    await phone.waitForSelector('#a11y[data-screen="preparation"], #a11y[data-screen="negotiation"]', { state: 'attached' });
    for (let guard = 0; guard < 40 && (await screen(phone)) !== 'debrief'; guard++) {
      const snap = (await gameSnapshot(phone))!;
      const pick = sensibleChoice(snap);
      const before = Number(await phone.getAttribute('#a11y', 'data-render'));
      await phone.keyboard.press(String(snap.choices.findIndex((c) => c.id === pick) + 1));
      await phone.waitForFunction((n) => Number(document.getElementById('a11y')?.dataset['render']) > n, before);
    }
    expect(await screen(phone)).toBe('debrief');
    expect(phoneErrors).toEqual([]);
    await phone.close();
  }, 180_000);

  it('picks a choice with the mouse on its canvas button, drawn once the line has typed out', async () => {
    const mouse = await h.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const mouseErrors = watchErrors(mouse);
    await openMenu(mouse, `${h.url}?seed=3`);
    await actAndWait(mouse, 'start');
    await actAndWait(mouse, 'briefing-continue');
    expect(await screen(mouse)).toBe('preparation');
    // The coach's line types out, the choices are drawn under it, and the screen goes still.
    await mouse.waitForFunction(`window.__walkaway.drawing === false`, undefined, { timeout: 30_000 });
    const choice = (await mouse.evaluate(() => window.__walkaway!.snapshot()!.choices.map((c) => c.text)))[1]!;
    const layout = (await mouse.evaluate(() => window.__walkaway!.layout()))!;
    const label = layout.texts.find((t) => t.text === choice);
    expect(label, 'the choice is drawn on the canvas').toBeDefined();
    const box = (await mouse.locator('#game canvas').boundingBox())!;
    const k = box.width / 1280;
    const before = Number(await mouse.getAttribute('#a11y', 'data-render'));
    await mouse.mouse.click(box.x + (label!.bounds.x + label!.bounds.width / 2) * k, box.y + (label!.bounds.y + label!.bounds.height / 2) * k);
    await mouse.waitForFunction((n) => Number(document.getElementById('a11y')?.dataset['render']) > n, before);
    // Coach mode says which step was just taken: the one clicked.
    expect(await mouse.textContent(testid('prep-explained'))).toContain(choice.replace(/[.!?]$/, ''));
    expect(mouseErrors).toEqual([]);
    await mouse.close();
  }, 120_000);

  it('keeps on a still screen the picture a whole frame draws, after the line typed out and after a move', async () => {
    const fresh = await h.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const freshErrors = watchErrors(fresh);
    await openMenu(fresh, `${h.url}?seed=7`);
    const still = () => fresh.waitForFunction(`window.__walkaway.drawing === false`, undefined, { timeout: 30_000 });
    const canvas = () => fresh.locator('#game canvas').screenshot();
    // The still picture, then the same screen drawn whole again (a resize wakes the renderer for one
    // whole frame and changes nothing on screen): a frame left undrawn or drawn in part would differ.
    const matchesWholeFrame = async () => {
      await still();
      const kept = await canvas();
      await fresh.evaluate(`window.dispatchEvent(new Event('resize'))`);
      await still();
      expect((await canvas()).equals(kept)).toBe(true);
    };
    await actAndWait(fresh, 'start');
    await actAndWait(fresh, 'briefing-continue');
    await matchesWholeFrame();
    while ((await gameSnapshot(fresh))!.phase === 'prep') await actAndWait(fresh, `choice-${sensibleChoice((await gameSnapshot(fresh))!)}`);
    await matchesWholeFrame();
    await actAndWait(fresh, `choice-${sensibleChoice((await gameSnapshot(fresh))!)}`);
    await matchesWholeFrame();
    expect(freshErrors).toEqual([]);
    await fresh.close();
  }, 120_000);

  it('stops redrawing a still screen and draws again on input', async () => {
    const fresh = await h.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const freshErrors = watchErrors(fresh);
    await openMenu(fresh, h.url);
    const drawing = () => fresh.evaluate(`window.__walkaway.drawing`) as Promise<boolean>;
    // The menu is still: after a few quiet frames the game loop sleeps, and the canvas keeps its picture.
    await fresh.waitForFunction(`window.__walkaway.drawing === false`, undefined, { timeout: 15_000 });
    expect(await canvasColourCount(fresh)).toBeGreaterThan(40);
    // Moving the mouse over the canvas wakes it (hover effects are drawn), then it settles again.
    await fresh.mouse.move(300, 300);
    await fresh.mouse.move(320, 320);
    expect(await drawing()).toBe(true);
    await fresh.waitForFunction(`window.__walkaway.drawing === false`, undefined, { timeout: 15_000 });
    expect(freshErrors).toEqual([]);
    await fresh.close();
  });
});
