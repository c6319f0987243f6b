import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { actAndWait, CHROMIUM_ARGS, gameSnapshot, openMenu, screen, sensibleChoice, watchErrors } from './harness.ts';
import { pageMemory, type PageMemory } from './page-memory.ts';
import { productionBuild, servePreview, type Served } from './production-build.ts';

const NEGOTIATIONS = 200;
/** Every this many negotiations, one is played through the screens (scenes, canvas, keyboard panel). */
const THROUGH_SCREENS_EVERY = 50;
/** Negotiations played before the first measure (the JIT and caches warm up). */
const WARM_UP = 50;

/**
 * `count` negotiations through the session in the page (the debug hook), with the harness's sensible
 * player, in one evaluation: each evaluation compiles a script in the page, which would otherwise grow
 * the heap by itself.
 */
async function playInSession(page: Page, count: number): Promise<void> {
  await page.evaluate(
    async ({ sensible, count }) => {
      // The harness's sensibleChoice, rebuilt in the page from its source.
      const choose = new Function(`return ${sensible}`)() as (s: unknown) => string;
      const hook = window.__walkaway!;
      // The menu is up before the engine has loaded; the engine follows it.
      await hook.playable();
      for (let game = 0; game < count; game++) {
        let snap = hook.startNew();
        for (let moves = 0; !snap.over && moves < 200; moves++) snap = hook.choose(choose(snap));
        if (!snap.over) throw new Error('a negotiation did not end');
      }
    },
    { sensible: sensibleChoice.toString(), count },
  );
}

/** One negotiation through the screens, from the menu to the debrief and back to the menu. */
async function playThroughScreens(page: Page): Promise<void> {
  await actAndWait(page, 'start');
  await actAndWait(page, 'briefing-continue');
  for (let guard = 0; guard < 40 && (await screen(page)) !== 'debrief'; guard++)
    await actAndWait(page, `choice-${sensibleChoice((await gameSnapshot(page))!)}`);
  expect(await screen(page)).toBe('debrief');
  await actAndWait(page, 'to-menu');
}

/**
 * What the page holds once every save it was asked for is written (games played this fast leave saves
 * waiting their turn): see page-memory.ts.
 */
async function footprint(page: Page, cdp: CDPSession): Promise<PageMemory> {
  await page.evaluate(() => window.__walkaway!.settled());
  return pageMemory(cdp);
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
    let end: Awaited<ReturnType<typeof footprint>> | null = null;
    let warmAt = 0;
    // Rounds of THROUGH_SCREENS_EVERY: the session games of a round in one go, then one through the
    // screens. Both measures are taken at the same point of a round (the menu, after the session games).
    for (let played = 0; played < NEGOTIATIONS; played += THROUGH_SCREENS_EVERY) {
      await playInSession(page, THROUGH_SCREENS_EVERY - 1);
      if (played + THROUGH_SCREENS_EVERY > WARM_UP && !warm) {
        warm = await footprint(page, cdp);
        warmAt = played + THROUGH_SCREENS_EVERY - 1;
      } else if (played + THROUGH_SCREENS_EVERY >= NEGOTIATIONS) end = await footprint(page, cdp);
      await playThroughScreens(page);
    }
    console.info(`soak: after ${warmAt} negotiations ${JSON.stringify(warm)}, after ${NEGOTIATIONS - 1} ${JSON.stringify(end)}`);
    if (!warm || !end) throw new Error('the soak did not measure');
    const growth = { heap: end.heap / warm.heap, nodes: end.nodes / warm.nodes, listeners: end.listeners / warm.listeners };
    expect(growth.heap, `heap ${warm.heap} -> ${end.heap}`).toBeLessThanOrEqual(1.1);
    expect(growth.nodes, `DOM nodes ${warm.nodes} -> ${end.nodes}`).toBeLessThanOrEqual(1.1);
    expect(growth.listeners, `listeners ${warm.listeners} -> ${end.listeners}`).toBeLessThanOrEqual(1.1);
    expect(errors).toEqual([]);
  }, 600_000); // 40 s measured alone on a quiet two-core machine, with room for a busy run
});
