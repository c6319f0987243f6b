/**
 * Saves /tmp/walkaway-debrief-weak.png and -strong.png: dominant-vendor against Jordan Pike played twice
 * in headless Chromium, once signalling weakness and once strength, to look at the debrief's key
 * moments. `npx tsx scripts/debrief-key-moments-shot.ts [out-dir]`.
 */
import { actAndWait, gameSnapshot, openMenu, screen, startHarness } from '../tests/browser/harness.ts';

const out = process.argv[2] ?? '/tmp';
const PREP = ['cost-alternative', 'cost-switching', 'align-leadership'];
const GAMES = {
  weak: [...PREP, 'we-know', 'usage-data', 'ask-basis', 'fear-confirmed', 'back-down', 'trade-lock-for-flat', 'walk-final'],
  strong: [...PREP, 'quiet-opening', 'usage-data', 'our-figure', 'show-numbers', 'quiet-conviction', 'mapped-integrations', 'accept-final'],
};

const h = await startHarness();
try {
  for (const [name, prefs] of Object.entries(GAMES)) {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.addInitScript(() => localStorage.setItem('walkaway.settings', JSON.stringify({ volume: 0.7, muted: true, textSpeed: 'instant' })));
    await openMenu(page, `${h.url}?seed=1`);
    await actAndWait(page, 'menu-scenario-dominant-vendor');
    await actAndWait(page, 'menu-persona-account-manager');
    await actAndWait(page, 'start');
    await actAndWait(page, 'briefing-continue');
    for (let guard = 0; guard < 40 && (await screen(page)) !== 'debrief'; guard++) {
      const snap = (await gameSnapshot(page))!;
      const ids = snap.choices.map((c) => c.id);
      const pick = prefs.find((p) => ids.includes(p));
      if (!pick) throw new Error(`no preferred choice among ${ids.join(', ')}`);
      await actAndWait(page, `choice-${pick}`);
    }
    await page.waitForTimeout(800);
    await page.locator('#game canvas').screenshot({ path: `${out}/walkaway-debrief-${name}.png` });
    console.log(`wrote ${out}/walkaway-debrief-${name}.png`);
    await page.close();
  }
} finally {
  await h.close();
}
