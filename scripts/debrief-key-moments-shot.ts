/**
 * Saves /tmp/walkaway-debrief-weak.png and -strong.png: dominant-vendor against Jordan Pike played twice
 * in headless Chromium, once signalling weakness and once strength, to look at the debrief's key
 * moments. `npx tsx scripts/debrief-key-moments-shot.ts [out-dir]`.
 */
import { actAndWait, gameSnapshot, openMenu, screen, startHarness } from '../tests/browser/harness.ts';
import { compiledShipped, playPreferring } from '../tests/helpers.ts';

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
    // The counterfactual's cost in the browser itself: the engine's own module, timed in the page.
    const ms = await page.evaluate(
      async (moves) => {
        // Module paths the dev server serves; kept in variables so the type-checker leaves them to the page.
        const enginePath = '/src/engine/index.ts';
        const yamlPath = '/scenarios/dominant-vendor.yaml?raw';
        const engine = (await import(/* @vite-ignore */ enginePath)) as typeof import('../src/engine/index.ts');
        const text = (await import(/* @vite-ignore */ yamlPath)).default as string;
        const c = engine.compileScenario(engine.loadScenario(text, 'dominant-vendor.yaml'));
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          const t0 = performance.now();
          engine.keyMoments(c, 'account-manager', 1, moves);
          times.push(performance.now() - t0);
        }
        return times;
      },
      playPreferring(compiledShipped('dominant-vendor'), 'account-manager', 1, prefs).moves as string[],
    );
    console.log(`key moments in Chromium (${name}): ${ms.map((t) => t.toFixed(1)).join(', ')} ms`);
    await page.close();
  }
} finally {
  await h.close();
}
