import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { actAndWait, CHROMIUM_ARGS, gameSnapshot, openMenu, screen, sensibleChoice, watchErrors } from './harness.ts';
import { productionBuild, servePreview, type Served } from './production-build.ts';

const NEGOTIATIONS = 200;
/** Every this many negotiations, one is played through the screens (scenes, canvas, keyboard panel). */
const THROUGH_SCREENS_EVERY = 50;
const WARM_UP = 50;

/** One negotiation through the session in the page (the debug hook), with the harness's sensible player. */
async function playInSession(page: Page): Promise<void> {
  await page.evaluate(
    ({ sensible }) => {
      // The harness's sensibleChoice, rebuilt in the page from its source.
      const choose = new Function(`return ${sensible}`)() as (s: unknown) => string;
      const hook = window.__walkaway!;
      let snap = hook.startNew();
      for (let moves = 0; !snap.over && moves < 200; moves++) snap = hook.choose(choose(snap));
      if (!snap.over) throw new Error('a negotiation did not end');
    },
    { sensible: sensibleChoice.toString() },
  );
}

/** One negotiation through the screens, from the menu to the debrief and back to the menu. */
async function playThroughScreens(page: Page): Promise<void> {
  await actAndWait(page, 'start');
  await actAndWait(page, 'briefing-continue');
  for (let guard = 0; guard < 40 && (await screen(page)) !== 'debrief'; guard++) await actAndWait(page, `choice-${sensibleChoice((await gameSnapshot(page))!)}`);
  expect(await screen(page)).toBe('debrief');
  await actAndWait(page, 'to-menu');
}

/** JS heap after a full garbage collection, and the page's DOM nodes and event listeners. */
async function footprint(cdp: CDPSession): Promise<{ heap: number; nodes: number; listeners: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const counters = await cdp.send('Memory.getDOMCounters');
  return { heap: usedSize, nodes: counters.nodes, listeners: counters.jsEventListeners };
}

/**
 * Soak: 200 negotiations in one page of the production build, most through the session (fast), every
 * fiftieth through the screens. After warm-up the JS heap, DOM nodes and listeners stay within 10 %,
 * and nothing is logged as an error.
 */
describe('soak: many negotiations in one page', () => {
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

  it(`plays ${NEGOTIATIONS} negotiations with flat memory and no console error`, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    const cdp = await page.context().newCDPSession(page);
    await openMenu(page, `${served.url}?seed=3`);
    let warm: Awaited<ReturnType<typeof footprint>> | null = null;
    for (let n = 1; n <= NEGOTIATIONS; n++) {
      if (n % THROUGH_SCREENS_EVERY === 0) await playThroughScreens(page);
      else await playInSession(page);
      if (n === WARM_UP) warm = await footprint(cdp);
    }
    const end = await footprint(cdp);
    console.info(`soak: after ${WARM_UP} negotiations ${JSON.stringify(warm)}, after ${NEGOTIATIONS} ${JSON.stringify(end)}`);
    const growth = { heap: end.heap / warm!.heap, nodes: end.nodes / warm!.nodes, listeners: end.listeners / warm!.listeners };
    expect(growth.heap, `heap ${warm!.heap} -> ${end.heap}`).toBeLessThanOrEqual(1.1);
    expect(growth.nodes, `DOM nodes ${warm!.nodes} -> ${end.nodes}`).toBeLessThanOrEqual(1.1);
    expect(growth.listeners, `listeners ${warm!.listeners} -> ${end.listeners}`).toBeLessThanOrEqual(1.1);
    expect(errors).toEqual([]);
  }, 900_000); // 200 whole games on a shared two-core machine: 160-850 ms each measured, with room for a busy run
});
