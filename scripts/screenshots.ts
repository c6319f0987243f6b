/**
 * Saves docs/screenshots/negotiation.png and debrief.png from a real game in headless Chromium:
 * `npx tsx scripts/screenshots.ts`. Plays a built-in scenario with a sensible player, through the
 * same accessibility layer the browser tests use.
 */
import { mkdirSync } from 'node:fs';
import { actAndWait, gameSnapshot, openMenu, screen, sensibleChoice, startHarness } from '../tests/browser/harness.ts';

const OUT = new URL('../docs/screenshots/', import.meta.url);
mkdirSync(OUT, { recursive: true });

const h = await startHarness();
try {
  const page = await h.browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.addInitScript(() => localStorage.setItem('walkaway.settings', JSON.stringify({ volume: 0.7, muted: true, textSpeed: 'instant' })));
  await openMenu(page, `${h.url}?seed=4`);
  const step = (id: string) => actAndWait(page, id);
  // The richest built-in scenario when it is there (five issues on the table), else the first one.
  if (await page.locator('[data-testid="menu-scenario-enterprise-deal"]').count()) await step('menu-scenario-enterprise-deal');
  await step('start');
  await step('briefing-continue');
  let shotTaken = false;
  for (let guard = 0; guard < 40 && (await screen(page)) !== 'debrief'; guard++) {
    const snap = (await gameSnapshot(page))!;
    // The second turn at the table shows a reaction, changed terms and a mood.
    if (snap.phase === 'negotiation' && !shotTaken && snap.turn >= 1 && (await page.evaluate(() => window.__walkaway!.snapshot()!.mood)) !== 'neutral') {
      await page.waitForTimeout(800);
      await page.locator('#game canvas').screenshot({ path: new URL('negotiation.png', OUT).pathname });
      shotTaken = true;
    }
    await step(`choice-${sensibleChoice(snap)}`);
  }
  if (!shotTaken) throw new Error('never reached a negotiation turn with a mood to show');
  await page.waitForTimeout(800);
  await page.locator('#game canvas').screenshot({ path: new URL('debrief.png', OUT).pathname });
  console.log('wrote docs/screenshots/negotiation.png and docs/screenshots/debrief.png');
} finally {
  await h.close();
}
