/**
 * The screenshot sweep: every scene of every shipped scenario at 1280x720, 844x390 (touch) and 390x844
 * (touch), with a layout check on each screen: no text box may run out of the panel or button it starts
 * in, nor into a panel or button it does not belong to (the game reports its panels and measured text
 * boxes through the debug hook).
 *
 *   npx tsx scripts/screenshot-sweep.ts [--out DIR] [--viewport 1280x720[,844x390]] [--scenario ID[,ID]]
 *                                       [--part games,screens,uploads]
 *
 * The whole sweep takes a while on a busy machine: a size, a scenario or a part at a time covers it in
 * pieces (games: each scenario from its menu card to every debrief page; screens: saves, progress and
 * the learning path; uploads: the menu with uploaded scenarios).
 *
 * Each scenario is played the long way (holding, asking and conceding before any acceptance, so the
 * debrief has the most to show) and every page of every debrief tab is captured. Exits 1 when any text
 * box overflows, listing each one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { actAndWait, fixture, gameSnapshot, openMenu, screen, startHarness, tabTo, uploadScenario, type PageSnapshot } from '../tests/browser/harness.ts';
import { misplacedTexts, type MisplacedText, type Rect, type SceneLayout } from '../src/game/ui/layout-registry.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const OUT = option('out') ?? '/tmp/walkaway-sweep';
/** A comma-separated option: whether `value` is among its items (every value when it is not given). */
const picked = (name: string, value: string) => {
  const list = option(name);
  return !list || list.split(',').includes(value);
};
const VIEWPORTS = [
  { name: '1280x720', width: 1280, height: 720, touch: false },
  { name: '844x390', width: 844, height: 390, touch: true },
  { name: '390x844', width: 390, height: 844, touch: true },
].filter((v) => picked('viewport', v.name));

/** The long game: stay at the table as long as the counterpart lets you, with moves worth a debrief. */
export function longChoice(snap: Pick<PageSnapshot, 'choices' | 'turn' | 'stage'>): string {
  const prefer = snap.turn > 16 ? ['accept', 'walk-away'] : ['prep', 'hold', 'ask:batna', 'claim:alternative', 'concede', 'trade', 'batna:strong'];
  for (const tag of prefer) {
    const hit = snap.choices.find((c) => c.tags.includes(tag) && !c.tags.includes('accept') && !c.tags.includes('walk-away'));
    if (hit && snap.turn <= 16) return hit.id;
    const end = snap.choices.find((c) => c.tags.includes(tag));
    if (end && snap.turn > 16) return end.id;
  }
  return snap.choices[0]!.id;
}

const problems: string[] = [];

/** What is wrong with a text box, in words. */
function describe(kind: MisplacedText['kind'], p: Rect, lines: string[] | undefined): string {
  const rect = `${p.x},${p.y} ${p.width}x${p.height}`;
  if (kind === 'overflow') return `runs out of its panel ${rect}`;
  if (kind === 'overlap') return `runs into the panel ${rect}`;
  if (kind === 'collision') return `is drawn over "${(lines?.[0] ?? '').slice(0, 40)}" at ${rect}`;
  if (kind === 'broken-word') return `breaks a word: ${JSON.stringify(lines ?? [])}`;
  return `is cut off after ${JSON.stringify(lines ?? [])}`;
}
const shots: string[] = [];

async function capture(page: Page, dir: string, name: string, keepFocus = false): Promise<void> {
  // The text version opens over the canvas while it has keyboard focus: the shot shows the game
  // (unless the shot is of keyboard use).
  if (!keepFocus) await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.waitForTimeout(250);
  const file = `${dir}/${name}.png`;
  await page.screenshot({ path: file });
  shots.push(file);
  const layout = (await page.evaluate(() => window.__walkaway?.layout() ?? null)) as SceneLayout | null;
  if (!layout) return;
  // The measured boxes beside the picture, to check again or read without a browser.
  writeFileSync(`${dir}/${name}.layout.json`, JSON.stringify(layout));
  for (const o of misplacedTexts(layout)) {
    const b = o.bounds;
    const p = o.panel;
    problems.push(
      `${file}: "${o.text.slice(0, 60).replace(/\n/g, ' ')}" at ${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}x${Math.round(b.height)} ${describe(o.kind, p, o.lines)}`,
    );
  }
}

/** Every tab of the debrief and every page of each. */
async function captureDebrief(page: Page, dir: string, prefix: string): Promise<void> {
  for (const tab of ['summary', 'work', 'moves', 'checks']) {
    await actAndWait(page, `debrief-tab-${tab}`);
    await capture(page, dir, `${prefix}-debrief-${tab}-1`);
    for (let n = 2; n < 12; n++) {
      const next = page.locator('#a11y [data-testid="debrief-page-next"]');
      if (!(await next.count()) || (await next.isDisabled())) break;
      await actAndWait(page, 'debrief-page-next');
      await capture(page, dir, `${prefix}-debrief-${tab}-${n}`);
    }
  }
}

const h = await startHarness();
try {
  for (const vp of VIEWPORTS) {
    const dir = `${OUT}/${vp.name}`;
    mkdirSync(dir, { recursive: true });
    const context = await h.browser.newContext({
      viewport: { width: vp.width, height: vp.height },
      hasTouch: vp.touch,
      isMobile: vp.touch,
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    await page.addInitScript(() => localStorage.setItem('walkaway.settings', JSON.stringify({ volume: 0.7, muted: true, textSpeed: 'instant' })));
    await page.goto(`${h.url}?seed=3`);
    // The dev server compiles the game on the first visit: slow on a busy machine.
    await page.waitForSelector('#a11y[data-screen="path"], #a11y[data-screen="menu"]', { state: 'attached', timeout: 120_000 });
    if ((await screen(page)) === 'path') await capture(page, dir, 'path');
    await openMenu(page, `${h.url}?seed=3`);
    await capture(page, dir, 'menu');
    const scenarios = await page.$$eval('#a11y [data-testid^="menu-scenario-"]', (els) =>
      els.map((e) => (e as HTMLElement).dataset['testid']!.slice('menu-scenario-'.length)),
    );
    for (const id of scenarios.filter((s) => picked('part', 'games') && picked('scenario', s))) {
      await openMenu(page, `${h.url}?seed=3`);
      await actAndWait(page, `menu-scenario-${id}`);
      await capture(page, dir, `${id}-menu`);
      await actAndWait(page, 'start');
      await capture(page, dir, `${id}-briefing`);
      await actAndWait(page, 'briefing-continue');
      let prepShot = false;
      let tableShot = false;
      let builderShot = false;
      for (let guard = 0; guard < 40 && (await screen(page)) !== 'debrief'; guard++) {
        const snap = (await gameSnapshot(page))!;
        const s = await screen(page);
        if (s === 'preparation' && !prepShot) {
          await capture(page, dir, `${id}-preparation`);
          prepShot = true;
        } else if (s === 'preparation' && snap.turn === 1) {
          // Coach mode: the second step explains the first choice.
          await capture(page, dir, `${id}-preparation-explained`);
        }
        if (s === 'negotiation' && !tableShot) {
          await capture(page, dir, `${id}-table-first`);
          tableShot = true;
        }
        if (s === 'negotiation' && !builderShot && (await page.locator('#a11y [data-testid="propose-open"]').count())) {
          // The package builder: as opened, after picking an option, and by keyboard alone.
          builderShot = true;
          await actAndWait(page, 'propose-open');
          await capture(page, dir, `${id}-builder`);
          const option = await page.$$eval(
            '#a11y [data-testid^="builder-"][aria-pressed="false"]',
            (els) => (els[0] as HTMLElement | undefined)?.dataset['testid'] ?? '',
          );
          if (option) {
            await tabTo(page, option);
            await page.keyboard.press('Enter');
            await page.waitForTimeout(400);
            await tabTo(page, 'builder-send');
            await capture(page, dir, `${id}-builder-keyboard`, true);
          }
          await actAndWait(page, 'builder-cancel');
        }
        if (s === 'negotiation' && snap.stage === 'closing') await capture(page, dir, `${id}-table-final-offer-t${snap.turn + 1}`);
        await actAndWait(page, `choice-${longChoice(snap)}`);
      }
      await captureDebrief(page, dir, id);
      // The game re-watched: its first move and its end.
      if (await page.locator('#a11y [data-testid="rewatch"]').count()) {
        await actAndWait(page, 'rewatch');
        await capture(page, dir, `${id}-rewatch-first`);
        await actAndWait(page, 'rewatch-end');
        await capture(page, dir, `${id}-rewatch-end`);
      }
    }
    // The screens around the games: saves and progress (reported, not fatal, if one cannot be reached).
    page.setDefaultTimeout(15_000);
    if (picked('part', 'screens'))
      try {
        await openMenu(page, `${h.url}?seed=3`);
        if (await page.locator('#a11y [data-testid="to-saves"]').count()) {
          await actAndWait(page, 'to-saves');
          await capture(page, dir, 'saves');
          await openMenu(page, `${h.url}?seed=3`);
        }
        await actAndWait(page, 'to-progress');
        await capture(page, dir, 'progress');
        await actAndWait(page, 'to-path');
        await capture(page, dir, 'path-after-games');
      } catch (e) {
        problems.push(`${dir}: could not reach the saves or path screens (${(e as Error).message.split('\n')[0]})`);
      }
    // The menu with uploaded scenarios: two beside the built-ins, a Remove asking to be pressed again,
    // and enough uploads to need pages.
    if (picked('part', 'uploads'))
      try {
        await openMenu(page, `${h.url}?seed=3`);
        await uploadScenario(page, 'browser-mini.yaml', fixture('browser-mini.yaml'));
        await page.waitForSelector('#a11y [data-testid="menu-scenario-browser-mini"]', { state: 'attached' });
        await uploadScenario(page, 'guide-example.yaml', fixture('guide-example.yaml'));
        await page.waitForSelector('#a11y [data-testid="menu-scenario-guide-example"]', { state: 'attached' });
        await capture(page, dir, 'menu-uploads');
        await actAndWait(page, 'menu-remove-browser-mini');
        await capture(page, dir, 'menu-uploads-remove-asks');
        await uploadScenario(page, 'mini.yaml', fixture('mini.yaml'));
        await page.waitForSelector('#a11y [data-testid="menu-scenario-mini"]', { state: 'attached' });
        await capture(page, dir, 'menu-uploads-paged');
      } catch (e) {
        problems.push(`${dir}: could not capture the menu with uploads (${(e as Error).message.split('\n')[0]})`);
      }
    await context.close();
  }
} finally {
  await h.close();
}
writeFileSync(`${OUT}/report.txt`, [`${shots.length} screenshots`, ...problems].join('\n') + '\n');
console.log(`${shots.length} screenshots in ${OUT}`);
if (problems.length) {
  console.log(`${problems.length} text box(es) run out of their panel or into another:`);
  for (const p of problems) console.log(`  ${p}`);
  process.exitCode = 1;
} else console.log('no text box runs out of its panel or into another');
