import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { actAndWait, gameSnapshot, openMenu, screen, startHarness, watchErrors, type Harness, type PageSnapshot } from './harness.ts';
import { misplacedTexts, type SceneLayout } from '../../src/game/ui/layout-registry.ts';

/** Settings for quick games: muted, lines shown at once. */
export const QUICK_SETTINGS = JSON.stringify({ volume: 0.7, muted: true, textSpeed: 'instant' });

/**
 * The harness (dev server and Chromium) of the test file that calls this at its top level or in a
 * describe block: started before its tests, closed after them. Its fields are there once they run.
 */
export function fileHarness(): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    Object.assign(harness, await startHarness());
  });
  afterAll(async () => {
    await harness.close?.();
  });
  return harness;
}

/**
 * A page in a browser context of its own (closed with the page), 1280x720 unless told otherwise, with
 * quick settings, its errors collected and 20 s to wait for anything.
 */
export async function quickPage(
  browser: Browser,
  options: BrowserContextOptions = { viewport: { width: 1280, height: 720 } },
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage(options);
  const errors = watchErrors(page);
  page.setDefaultTimeout(20_000);
  await page.addInitScript((s) => localStorage.setItem('walkaway.settings', s), QUICK_SETTINGS);
  return { page, errors };
}

/** From the menu (opened with this seed) into a shipped scenario, in a mode if one is named, past its briefing. */
export async function startScenario(page: Page, url: string, o: { seed: number; scenario: string; mode?: 'coach' | 'practice' | 'assessment' }): Promise<void> {
  await openMenu(page, `${url}?seed=${o.seed}`);
  await actAndWait(page, `menu-scenario-${o.scenario}`);
  if (o.mode) await actAndWait(page, `mode-${o.mode}`);
  await actAndWait(page, 'start');
  await actAndWait(page, 'briefing-continue');
}

/**
 * The long game: stays at the table as long as the counterpart allows, holding, asking, claiming and
 * conceding, so the debrief has the most moves, anti-patterns and failed checks to show.
 */
export function longChoice(snap: Pick<PageSnapshot, 'choices' | 'turn'>): string {
  const late = snap.turn > 16;
  const prefer = late ? ['accept', 'walk-away'] : ['prep', 'hold', 'ask:batna', 'claim:alternative', 'concede', 'trade', 'batna:strong'];
  for (const tag of prefer) {
    const hit = snap.choices.find((c) => c.tags.includes(tag) && (late || (!c.tags.includes('accept') && !c.tags.includes('walk-away'))));
    if (hit) return hit.id;
  }
  return snap.choices[0]!.id;
}

/** Plays from the briefing to the debrief with a policy. */
export async function playToDebrief(page: Page, pick: (s: PageSnapshot) => string, onTurn?: (s: PageSnapshot) => Promise<void>): Promise<void> {
  for (let guard = 0; guard < 60 && (await screen(page)) !== 'debrief'; guard++) {
    const snap = (await gameSnapshot(page))!;
    if (onTurn) await onTurn(snap);
    await actAndWait(page, `choice-${pick(snap)}`);
  }
  if ((await screen(page)) !== 'debrief') throw new Error('the game did not end');
}

export async function layout(page: Page): Promise<SceneLayout> {
  const l = (await page.evaluate(() => window.__walkaway!.layout())) as SceneLayout | null;
  if (!l) throw new Error('no scene on show');
  return l;
}

/**
 * The texts drawn wrong on the screen on show, each as "kind: text": running out of their panel, into
 * another panel or button, breaking a short word across lines, or cut off with no "…".
 */
export async function overflows(page: Page): Promise<string[]> {
  return misplacedTexts(await layout(page)).map((o) => `${o.kind}: ${o.text}`);
}

/** The text drawn on the canvas now, as one string. */
export async function canvasText(page: Page): Promise<string> {
  return (await layout(page)).texts.map((t) => t.text.replace(/\s+/g, ' ')).join('\n');
}
