import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { actAndWait, CHROMIUM_ARGS, gameSnapshot, openMenu, pressControl, screen, sensibleChoice, testid, watchErrors } from './harness.ts';
import { productionBuild, servePreview, type Served } from './production-build.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs axe-core on the page as it is now; returns the serious and critical findings. */
async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  // Injected through the debugging protocol, which the page's Content-Security-Policy does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** The keyboard user's view: something in the text panel has visible focus, drawn with an outline. */
async function expectVisibleFocus(page: Page): Promise<void> {
  const focus = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return { inPanel: !!el.closest('.a11y'), matches: el.matches(':focus-visible'), width: parseFloat(style.outlineWidth), style: style.outlineStyle };
  });
  expect(focus).toMatchObject({ inPanel: true, matches: true, style: 'solid' });
  expect(focus.width).toBeGreaterThanOrEqual(2);
}

/** The open text panel and the canvas do not overlap: the canvas has made room. */
async function expectPanelBesideCanvas(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const panel = document.getElementById('a11y')!.getBoundingClientRect();
    const canvas = document.querySelector('#game canvas')!.getBoundingClientRect();
    return panel.width > 100 && canvas.right <= panel.left + 1;
  });
}

/** No text in the panel or the notices is cut: nothing is wider than its box. */
async function cutText(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('#a11y, #a11y *, #notices *')]
      .filter((el) => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'auto')
      .map(
        (el) => `${el.tagName.toLowerCase()}[data-testid=${el.dataset['testid'] ?? ''}] ${el.scrollWidth}>${el.clientWidth}: ${el.textContent?.slice(0, 40)}`,
      ),
  );
}

/**
 * A fingerprint of what the canvas shows now (read in the page: the game keeps its drawing buffer, and
 * this is much faster than a screenshot on a busy machine), and whether the game is still drawing.
 */
function canvasPicture(): { picture: number; drawing: boolean } {
  const canvas = document.querySelector<HTMLCanvasElement>('#game canvas')!;
  const small = new OffscreenCanvas(320, 180);
  const ctx = small.getContext('2d')!;
  ctx.drawImage(canvas, 0, 0, 320, 180);
  const data = ctx.getImageData(0, 0, 320, 180).data;
  let hash = 2166136261;
  for (let i = 0; i < data.length; i++) hash = Math.imul(hash ^ data[i]!, 16777619);
  return { picture: hash >>> 0, drawing: window.__walkaway?.drawing === true };
}

/** Keyboard only to the next screen: Tab to a control, Enter. */
async function next(page: Page, id: string): Promise<void> {
  await pressControl(page, id);
}

/**
 * Accessibility audited on the production build: axe-core on every scene with the keyboard panel open
 * (zero serious or critical findings), visible focus, a panel that never covers the canvas, reduced
 * motion honoured, and text that still fits at 200 % zoom.
 */
describe('accessibility audit', () => {
  let served: Served;
  let browser: Browser;

  beforeAll(async () => {
    served = await servePreview(await productionBuild());
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('every scene passes axe-core with no serious or critical finding, with visible focus and the panel beside the canvas', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    const audited: Record<string, AxeFinding[]> = {};
    // Each kind of screen once, as a keyboard user sees it: focus on its first control, panel open.
    const audit = async () => {
      const name = await screen(page);
      if (name in audited) return;
      await page.keyboard.press('Tab');
      await expectVisibleFocus(page);
      await expectPanelBesideCanvas(page);
      audited[name] = await seriousViolations(page);
    };
    await openMenu(page, `${served.url}?seed=5`);
    await audit();
    await next(page, 'start');
    await audit();
    await next(page, 'briefing-continue');
    for (let guard = 0; guard < 40 && (await screen(page)) !== 'debrief'; guard++) {
      await audit();
      await actAndWait(page, `choice-${sensibleChoice((await gameSnapshot(page))!)}`);
    }
    await audit();
    expect(Object.keys(audited).sort()).toEqual(['briefing', 'debrief', 'menu', 'negotiation', 'preparation']);
    for (const [scene, findings] of Object.entries(audited)) expect(findings, scene).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('the learning path and progress screens pass axe-core too, with visible focus and the panel beside the canvas', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    const audited: Record<string, AxeFinding[]> = {};
    const audit = async () => {
      const name = await screen(page);
      await page.keyboard.press('Tab');
      await expectVisibleFocus(page);
      await expectPanelBesideCanvas(page);
      audited[name] = await seriousViolations(page);
    };
    // A new rep (nothing played) lands on the learning path.
    await page.goto(`${served.url}?seed=5`);
    await page.waitForSelector(`#a11y[data-screen="path"] ${testid('to-progress')}`, { state: 'attached' });
    await audit();
    await next(page, 'to-progress');
    await page.waitForSelector(`#a11y[data-screen="progress"] ${testid('to-menu')}`, { state: 'attached' });
    await audit();
    expect(Object.keys(audited).sort()).toEqual(['path', 'progress']);
    for (const [scene, findings] of Object.entries(audited)) expect(findings, scene).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('honours prefers-reduced-motion: a line appears whole at once instead of typing out', async () => {
    /** Distinct pictures of the canvas from a choice until the game stops drawing (nothing animates). */
    const picturesAfterChoice = async (reducedMotion: 'reduce' | 'no-preference') => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion });
      const page = await context.newPage();
      // The slowest text speed: with motion allowed, a line takes seconds to type out.
      await page.addInitScript(() => localStorage.setItem('walkaway.settings', JSON.stringify({ volume: 0.7, muted: true, textSpeed: 'slow' })));
      await openMenu(page, `${served.url}?seed=5`);
      await actAndWait(page, 'start');
      await actAndWait(page, 'briefing-continue');
      await page.waitForFunction(() => window.__walkaway?.drawing === false, undefined, { timeout: 60_000 });
      await actAndWait(page, `choice-${sensibleChoice((await gameSnapshot(page))!)}`);
      const line = (await gameSnapshot(page))!.line;
      const pictures = new Set<number>();
      const started = Date.now();
      let last = -1;
      let lastChangeMs = 0;
      for (let i = 0; i < 300; i++) {
        const { picture, drawing } = await page.evaluate(canvasPicture);
        pictures.add(picture);
        if (picture !== last) lastChangeMs = Date.now() - started;
        last = picture;
        if (!drawing) break;
        await page.waitForTimeout(50);
      }
      await context.close();
      return { line, pictures: pictures.size, lastChangeMs };
    };
    const reduced = await picturesAfterChoice('reduce');
    // The screen before the new one was drawn, and the new one, complete: nothing in between.
    expect(reduced.pictures).toBeLessThanOrEqual(2);
    // The control: with motion allowed the same line keeps changing the canvas while it types out at
    // 25 characters a second (typing follows the clock, so a slow machine cannot make it shorter).
    const normal = await picturesAfterChoice('no-preference');
    expect(normal.line).toBe(reduced.line);
    expect(normal.line.length).toBeGreaterThan(50);
    expect(normal.pictures).toBeGreaterThanOrEqual(2);
    expect(normal.lastChangeMs).toBeGreaterThan(((normal.line.length / 25) * 1000) / 2);
    expect(reduced.lastChangeMs).toBeLessThan(normal.lastChangeMs);
  }, 240_000);

  it('text in the panel and notices fits at 200 % zoom', async () => {
    // Chromium's 200 % zoom halves the CSS viewport and doubles the device pixel ratio; a 1280x720
    // window at 200 % is a 640x360 CSS viewport at 2 device pixels per CSS pixel, which this reproduces.
    const context = await browser.newContext({ viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await openMenu(page, `${served.url}?seed=5`);
    expect(await page.evaluate(() => window.devicePixelRatio)).toBe(2);
    // Each kind of screen once, with the panel open (focus on its first control).
    const checked = new Set<string>();
    const check = async () => {
      const name = await screen(page);
      if (checked.has(name)) return;
      checked.add(name);
      await page.keyboard.press('Tab');
      expect(await cutText(page), name).toEqual([]);
    };
    await check();
    await actAndWait(page, 'start');
    await check();
    await actAndWait(page, 'briefing-continue');
    for (let guard = 0; guard < 40 && (await screen(page)) !== 'debrief'; guard++) {
      await check();
      await actAndWait(page, `choice-${sensibleChoice((await gameSnapshot(page))!)}`);
    }
    await check();
    expect([...checked].sort()).toEqual(['briefing', 'debrief', 'menu', 'negotiation', 'preparation']);
    await expectPanelBesideCanvas(page);
    expect(await page.locator(testid('screen-title')).isVisible()).toBe(true);
    await context.close();
  }, 180_000);
});
