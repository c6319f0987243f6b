import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { gradeOf } from '../../src/engine/scoring/score.ts';
import { weekOfPractice } from '../practice-week.ts';
import { compiledShipped } from '../helpers.ts';
import { act, actAndWait, screen, startHarness, testid, waitForScreen, watchErrors, type Harness } from './harness.ts';
import { instantText, playToDebrief, preferring, seedRecord, text, TUTORIAL_GOOD, TUTORIAL_MIDDLING, TUTORIAL_POOR, waitForStart } from './practice-helpers.ts';

/** The practice record: assessment verdicts, first/best/last after a reload, re-watching, export and import. */
describe('the practice record', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function freshPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await instantText(page);
    return { page, errors };
  }

  async function toMenu(page: Page): Promise<void> {
    if ((await screen(page)) !== 'menu') await actAndWait(page, 'to-menu');
    await waitForScreen(page, 'menu');
  }

  /** Plays the tutorial in a mode from the menu and returns what its debrief said. */
  async function playTutorial(page: Page, mode: string, prefs: string[]): Promise<{ total: number; moves: string[]; practice: string; hints: number }> {
    await toMenu(page);
    await actAndWait(page, 'menu-scenario-tutorial');
    await actAndWait(page, `mode-${mode}`);
    await actAndWait(page, 'start');
    await actAndWait(page, 'briefing-continue');
    let hints = 0;
    await playToDebrief(page, preferring(prefs), async (p) => {
      hints += await p.locator(testid('hint')).count();
    });
    return {
      total: Number((await text(page, 'debrief-total')).match(/\d+/)![0]),
      moves: await page.$$eval('[data-testid="debrief-moves"] li', (els) => els.map((e) => e.textContent ?? '')),
      practice: await text(page, 'debrief-practice'),
      hints,
    };
  }

  const progressText = (page: Page) =>
    page.$$eval(
      '#a11y [data-testid="progress-scores"] li, #a11y [data-testid="progress-dimensions"] li, #a11y [data-testid="progress-habits"] li, #a11y [data-testid="progress-suggestion"], #a11y [data-testid="progress-headline"]',
      (els) => els.map((e) => e.textContent ?? ''),
    );

  it('assessment hides hints and judges against the pass mark; the record survives a reload with first/best/last; a past game re-watches the same; export, import and a corrupted import', async () => {
    const { page, errors } = await freshPage(h.browser);
    await page.goto(`${h.url}?seed=3`);
    await waitForStart(page);

    // 1. Assessment, played poorly: no hint at any turn, and a clear "not passed" with the reason.
    await toMenu(page);
    await actAndWait(page, 'menu-scenario-tutorial');
    await actAndWait(page, 'mode-assessment');
    await actAndWait(page, 'start');
    await actAndWait(page, 'briefing-continue');
    let hints = 0;
    let turns = 0;
    await playToDebrief(page, preferring(TUTORIAL_POOR), async (p) => {
      turns++;
      hints += await p.locator(testid('hint')).count();
    });
    expect(turns).toBeGreaterThan(4);
    expect(hints).toBe(0);
    const first = await text(page, 'debrief-practice');
    // The verdict names the score on the debrief and how far short of the pass mark it is.
    const total = Number((await text(page, 'debrief-total')).match(/\d+/)![0]);
    expect(total).toBeLessThan(60);
    expect(first).toMatch(
      new RegExp(
        `^Assessment not passed \\(pass mark 60\\) Not passed: ${total} out of 100 is ${60 - total} short of the pass mark of 60; the weakest part was`,
      ),
    );
    expect(first).toContain('This is the assessed attempt: it is the one that counts.');
    expect(await page.locator(testid('retry-from-turn')).count()).toBe(0);

    // 2. Practice, played well (the best), then 3. assessment again after practising: it counts and passes.
    const practice = await playTutorial(page, 'practice', TUTORIAL_GOOD);
    expect(practice.total).toBeGreaterThan(total);
    expect(practice.hints).toBe(0);
    const third = await playTutorial(page, 'assessment', TUTORIAL_MIDDLING);
    expect(third.total).toBeGreaterThanOrEqual(60);
    expect(third.total).toBeLessThan(practice.total);
    expect(third.practice).toContain(`Passed: ${third.total} out of 100 against a pass mark of 60.`);
    expect(third.practice).toContain('it is the one that counts');

    // The record survives a reload: first / best / last with dates.
    await page.reload();
    await waitForStart(page);
    await toMenu(page);
    await actAndWait(page, 'to-progress');
    const row = await text(page, 'progress-game-tutorial-friendly-manager');
    expect(row).toMatch(new RegExp(`first ${total} \\(.+\\), best ${practice.total} \\(.+\\), last ${third.total} \\(.+\\)`));
    expect(await text(page, 'progress-headline')).toMatch(/^3 negotiations/);

    // Re-watch the last game: the same moves and score as its debrief showed when it was played.
    await actAndWait(page, 'rewatch-last');
    expect(await screen(page)).toBe('debrief');
    expect(Number((await text(page, 'debrief-total')).match(/\d+/)![0])).toBe(third.total);
    expect(await page.$$eval('[data-testid="debrief-moves"] li', (els) => els.map((e) => e.textContent ?? ''))).toEqual(third.moves);
    await actAndWait(page, 'rewatch');
    const watched: string[] = [];
    for (let i = 0; i < third.moves.length; i++) {
      watched.push((await text(page, 'rewatch-choice')).replace(/^You chose: /, ''));
      await actAndWait(page, 'rewatch-next');
    }
    // The debrief's move list adds why each move worked or not; the re-watch shows the move itself.
    expect(watched).toHaveLength(third.moves.length);
    for (const [i, move] of third.moves.entries()) {
      const played = move.replace(/^Turn \d+: /, '');
      expect(played.startsWith(watched[i]!), `move ${i + 1}: "${played}" shows "${watched[i]}"`).toBe(true);
      expect(played.slice(watched[i]!.length)).toMatch(/^(\.? Why: .+)?$/);
    }
    expect(await text(page, 'rewatch-where')).toBe(`The end: ${third.total} out of 100 (${gradeOf(third.total)})`);
    await actAndWait(page, 'to-debrief');
    await actAndWait(page, 'to-menu');
    expect(await screen(page)).toBe('progress');
    const before = await progressText(page);

    // Export the whole record as one file.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(testid('export-record')).dispatchEvent('click')]);
    const exported = readFileSync((await download.path())!, 'utf8');
    expect(JSON.parse(exported).entries).toHaveLength(3);
    expect(errors).toEqual([]);
    await page.context().close();

    // Import it into a fresh profile: the same progress screen.
    const other = await freshPage(h.browser);
    await other.page.goto(`${h.url}?seed=3`);
    expect(await waitForStart(other.page)).toBe('path');
    await actAndWait(other.page, 'to-progress');
    expect(await text(other.page, 'progress-headline')).toMatch(/No finished negotiations yet/);
    // An empty record says so once a list, with no "0% lately" for parts never played.
    for (const list of ['progress-scores', 'progress-dimensions', 'progress-habits'])
      expect(await other.page.$$eval(`#a11y [data-testid="${list}"] li`, (els) => els.map((e) => e.textContent))).toEqual(['Nothing yet']);
    // And no heading over an empty group of buttons.
    expect(await other.page.locator('#a11y [data-testid="progress-games"], #a11y [data-testid="progress-recent"]').count()).toBe(0);
    const imported = other.page.waitForFunction(() =>
      document.getElementById('a11y')?.querySelector('[data-testid="progress-headline"]')?.textContent?.startsWith('3 '),
    );
    await other.page.setInputFiles(testid('import-record'), { name: 'walkaway-record.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await imported;
    expect(await other.page.textContent(testid('notice'))).toMatch(/Imported 3 games from walkaway-record.json/);
    expect(await progressText(other.page)).toEqual(before);

    // Importing it again adds nothing (no duplicates); a corrupted or foreign file changes nothing and says why.
    const notice = async (buffer: string, name: string) => {
      await other.page.evaluate(() => (document.querySelector('[data-testid="notice"]')!.textContent = ''));
      await other.page.setInputFiles(testid('import-record'), { name, mimeType: 'application/json', buffer: Buffer.from(buffer) });
      await other.page.waitForFunction(() => !!document.querySelector('[data-testid="notice"]')?.textContent);
      return (await other.page.textContent(testid('notice'))) ?? '';
    };
    expect(await notice(exported, 'again.json')).toMatch(/Imported 0 games from again.json \(3 already in your record\)/);
    const tampered = JSON.parse(exported);
    tampered.entries[1].summary.total = 400;
    expect(await notice(JSON.stringify(tampered), 'tampered.json')).toMatch(
      /Nothing was imported from tampered.json: the record is damaged \(entries\.\[2\]\.summary\.total/,
    );
    expect(await notice(exported.slice(0, 200), 'cut.json')).toMatch(
      /Nothing was imported from cut.json: the file is not a Walkaway practice record \(it is not valid JSON\)/,
    );
    expect(await notice('{"name":"something else"}', 'other.json')).toMatch(/Nothing was imported from other.json: the file is not a Walkaway practice record/);
    await other.page.reload();
    await waitForStart(other.page);
    await toMenu(other.page);
    await actAndWait(other.page, 'to-progress');
    expect(await progressText(other.page)).toEqual(before);
    expect(other.errors).toEqual([]);
    await other.page.context().close();
  }, 500_000);

  it('a week of practice (30 games) reads at a glance on the progress screen', async () => {
    const { page, errors } = await freshPage(h.browser);
    await page.goto(h.url);
    await waitForStart(page);
    await seedRecord(page, weekOfPractice(30));
    // A new visit (a reload would stay on the path screen it was on): a rep with a record lands on the menu.
    await page.goto(h.url);
    expect(await waitForStart(page)).toBe('menu');
    await actAndWait(page, 'to-progress');
    expect(await text(page, 'progress-headline')).toMatch(/^30 negotiations from/);
    expect(await page.locator('[data-testid="progress-scores"] li').count()).toBeGreaterThan(5);
    expect(await page.locator('[data-testid="progress-dimensions"] li').count()).toBe(6);
    expect(await text(page, 'progress-suggestion')).toMatch(/^Practise this next: .+ is your weakest part lately/);
    await page.waitForTimeout(300);
    await page.screenshot({ path: '/tmp/practice-progress.png' });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 200_000);

  it('the progress screen opens before the rest of the game has loaded; re-watching a game waits for it', async () => {
    const { page, errors } = await freshPage(h.browser);
    await page.goto(h.url);
    await waitForStart(page);
    const week = weekOfPractice(12);
    await seedRecord(page, week);
    // The part of the game a negotiation needs loads after the first screen; hold it back, as a slow
    // connection would, and the record must still read in full.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/engine-runtime*', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(h.url);
    expect(await waitForStart(page)).toBe('menu');
    await actAndWait(page, 'to-progress');
    expect(await screen(page)).toBe('progress');
    expect(await text(page, 'progress-headline')).toMatch(/^12 negotiations from/);
    // Scenario titles and counterpart names, not their ids, and every one of them played.
    const expected = new Set(
      week.map((e) => {
        const c = compiledShipped(e.attempt.scenarioId);
        return `${c.scenario.title}, ${c.scenario.personas.find((p) => p.id === e.attempt.personaId)!.name}`;
      }),
    );
    const rows = await page.locator('[data-testid="progress-scores"] li').allTextContents();
    expect(new Set(rows.map((r) => r.slice(0, r.indexOf(': first'))))).toEqual(expected);
    expect(await text(page, 'progress-suggestion')).toMatch(/^Practise this next: .+ in ".+"\. .+ is your weakest part lately/);

    // Re-watching replays the game through the engine: the press waits for it, the page says it is busy.
    await act(page, 'rewatch-last');
    await page.waitForFunction(() => document.getElementById('a11y')?.getAttribute('aria-busy') === 'true');
    expect(await screen(page)).toBe('progress');
    release();
    await waitForScreen(page, 'debrief');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 200_000);

  it('games kept by an older version of the game (no score stamp, one flattering) count once scored again, with the scores their choices earn', async () => {
    const { page, errors } = await freshPage(h.browser);
    await page.goto(h.url);
    await waitForStart(page);
    const week = weekOfPractice(6);
    const best = Math.max(...week.map((e) => e.summary.total));
    const older = week.map(({ summaryVersion: _v, ...e }, i) => (i === 0 ? { ...e, summary: { ...e.summary, total: 100, grade: 'A' } } : e));
    await seedRecord(page, older as never);
    await page.goto(h.url);
    expect(await waitForStart(page)).toBe('menu');
    await page.evaluate(() => window.__walkaway!.playable());
    await actAndWait(page, 'to-progress');
    await page.waitForFunction(() => /^6 negotiations from [^(]+$/.test(document.querySelector('[data-testid="progress-headline"]')?.textContent ?? ''));
    const rows = await page.locator('[data-testid="progress-scores"] li').allTextContents();
    const bests = rows.map((r) => Number(/best (\d+)/.exec(r)![1]));
    expect(Math.max(...bests)).toBe(best);
    expect(best).toBeLessThan(100);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 200_000);
});
