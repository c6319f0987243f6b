import type { Page } from 'playwright-core';
import type { RecordEntry } from '../../src/engine/training/index.ts';
import { actAndWait, choiceIds, gameSnapshot, screen, sensibleChoice, settle, testid, waitForScreen } from './harness.ts';

/**
 * Puts finished games straight into the page's practice record (IndexedDB), as a rep's earlier visits
 * would have, then reloads so the game reads them. The game must have opened once (it creates the
 * database).
 */
export async function seedRecord(page: Page, entries: readonly RecordEntry[]): Promise<void> {
  await page.evaluate(async (list) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('walkaway');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('record', 'readwrite');
      for (const e of list) tx.objectStore('record').put(e);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, entries as RecordEntry[]);
}

/** Waits for the first screen after a navigation (path, menu, or a resumed game), drawn with what storage holds. */
export async function waitForStart(page: Page): Promise<string> {
  await page.waitForFunction(() => {
    const s = document.getElementById('a11y')?.dataset['screen'];
    return !!s && s !== 'boot' && s !== 'preload';
  });
  await settle(page);
  return screen(page);
}

/**
 * Plays the game on screen to its debrief, with `pick` choosing each move (default: a sensible player);
 * `eachTurn` looks at every turn before the move is made.
 */
export async function playToDebrief(
  page: Page,
  pick: (snap: NonNullable<Awaited<ReturnType<typeof gameSnapshot>>>) => string = sensibleChoice,
  eachTurn?: (page: Page) => Promise<void>,
): Promise<void> {
  if ((await screen(page)) === 'briefing') await actAndWait(page, 'briefing-continue');
  for (let i = 0; i < 60; i++) {
    const s = await screen(page);
    if (s === 'debrief') return;
    await eachTurn?.(page);
    const snap = (await gameSnapshot(page))!;
    const id = pick(snap);
    if (!(await choiceIds(page)).includes(`choice-${id}`)) throw new Error(`no choice ${id} on screen`);
    await actAndWait(page, `choice-${id}`);
  }
  await waitForScreen(page, 'debrief');
}

/** The text of an element of the accessibility layer by test id. */
export async function text(page: Page, id: string): Promise<string> {
  return (await page.textContent(testid(id))) ?? '';
}

/** Lines appear at once (tests read them; the typing animation only costs time). */
export async function instantText(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (!localStorage.getItem('walkaway.settings')) localStorage.setItem('walkaway.settings', JSON.stringify({ volume: 0, muted: true, textSpeed: 'instant' }));
  });
}

/** Chooses the first of `prefs` on offer, else the first choice: a fixed player for the tutorial. */
export function preferring(prefs: readonly string[]) {
  // Like the engine tests' playPreferring: never the same move twice in a row (a push repeated at the
  // final offer is not the path the list describes).
  let last: string | undefined;
  return (snap: { choices: { id: string }[] }): string => {
    const pick = prefs.find((p) => p !== last && snap.choices.some((c) => c.id === p)) ?? snap.choices[0]!.id;
    last = pick;
    return pick;
  };
}

/** Tutorial players: a good one (passes well), a poor one (fails) and a middling one (passes, below the good one). */
export const TUTORIAL_GOOD = ['book-prospects', 'write-line', 'ask-why', 'mention-options', 'stand-calmly', 'take-a-day', 'final-push', 'accept-final'];
export const TUTORIAL_POOR = ['trust-the-demo', 'wing-it', 'give-discount', 'offer-more', 'back-down', 'rush-it', 'accept-final'];
// The middling player stands calmly when its claim is tested (falling back to the first choice there
// could be a concession, which the counterpart pockets and pushes past: a deal below the walk-away).
export const TUTORIAL_MIDDLING = ['book-prospects', 'write-line', 'mention-options', 'stand-calmly', 'take-a-day', 'accept-final'];
