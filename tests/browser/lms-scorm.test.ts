import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, watchErrors } from './harness.ts';
import { actIn, courseFrame, frameSnapshot, lmsSettled, packageSite, playSensibly, type PackageSite } from './lms-harness.ts';
import { scorm12Problems, scorm2004Problems } from '../lms/manifest-checks.ts';

/**
 * SCORM packages in a test LMS page (scorm-again provides the run-time API, as an LMS does): the
 * manifest is valid; a rep who closes the course mid-game is back at the same turn on relaunch and
 * plays on to the end, and the LMS then holds status, score, session time, suspend data and one
 * interaction per decision; an LMS that fails its commits leaves the game playable with a notice;
 * without an LMS the package plays as the ordinary game.
 */
const PASS_MARK = 40;
type Cmi = Record<string, unknown>;
interface TestLms {
  log: string[];
  stored(): { cmi: Cmi; exit: string } | null;
  get(element: string): string;
}

function dig(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Cmi)[k] : undefined), obj);
}

const stored = (page: Page) => page.evaluate(() => (window as unknown as { testLms: TestLms }).testLms.stored()!);

/** The LMS closes the course (removes its frame); waits until the game has ended the SCORM session. */
async function closeCourse(page: Page, finishCall: string): Promise<void> {
  await page.click('#close');
  await page.waitForFunction((call) => (window as unknown as { testLms: TestLms }).testLms.log.includes(call), finishCall);
}

describe.each([{ format: 'scorm12' as const }, { format: 'scorm2004' as const }])('$format package in a test LMS', ({ format }) => {
  let site: PackageSite;
  let browser: Browser;
  const is12 = format === 'scorm12';
  const finishCall = is12 ? 'LMSFinish' : 'Terminate';
  const el = is12
    ? {
        success: 'core.lesson_status',
        raw: 'core.score.raw',
        min: 'core.score.min',
        max: 'core.score.max',
        time: 'core.session_time',
        location: 'core.lesson_location',
        progress: 'core.lesson_status',
      }
    : {
        success: 'success_status',
        raw: 'score.raw',
        min: 'score.min',
        max: 'score.max',
        time: 'session_time',
        location: 'location',
        progress: 'completion_status',
      };

  beforeAll(async () => {
    site = await packageSite(() => ({ format, scenario: 'tutorial', passMark: PASS_MARK }));
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function launch(page: Page, learner: string, extra = ''): Promise<Frame> {
    await page.goto(`${site.url}/lms/scorm-lms.html?course=/course/&learner=${learner}${extra}`);
    return courseFrame(page);
  }

  it('has a manifest valid against the standard, listing every file of the zip', () => {
    const xml = new TextDecoder().decode(site.zip['imsmanifest.xml']);
    const files = Object.keys(site.zip);
    expect(is12 ? scorm12Problems(xml, files, PASS_MARK) : scorm2004Problems(xml, files, PASS_MARK)).toEqual([]);
  });

  it('closed mid-game and relaunched, resumes at the same turn; at the end the LMS holds status, score, suspend data and interactions', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    let frame = await launch(page, 'rep-1');
    // The menu is skipped: the assigned scenario's briefing opens.
    expect(await frame.getAttribute('#a11y', 'data-screen')).toBe('briefing');
    await playSensibly(frame, 3);
    await lmsSettled(frame);
    const before = (await frameSnapshot(frame))!;
    expect(before.over).toBe(false);

    await closeCourse(page, finishCall);
    const suspended = await stored(page);
    expect(suspended.exit).toBe('suspend');
    expect(dig(suspended.cmi, el.location)).toBe('turn 3');
    expect(dig(suspended.cmi, el.progress)).toBe('incomplete');
    expect(JSON.parse(String(dig(suspended.cmi, 'suspend_data'))).moves).toHaveLength(3);

    frame = await launch(page, 'rep-1');
    const after = (await frameSnapshot(frame))!;
    expect(after.turn).toBe(before.turn);
    expect(after.line).toBe(before.line);
    expect(after.choices).toEqual(before.choices);
    expect(after.screen).toBe(before.phase === 'prep' ? 'preparation' : 'negotiation');

    await playSensibly(frame);
    expect(await frame.getAttribute('#a11y', 'data-screen')).toBe('debrief');
    await lmsSettled(frame);
    const result = await frame.evaluate(() => window.__walkaway!.result()!);
    const decisions = (await frameSnapshot(frame))!.turn;
    await closeCourse(page, finishCall);
    const { cmi } = await stored(page);
    const total = result.score.total;
    expect(dig(cmi, el.success)).toBe(total >= PASS_MARK ? 'passed' : 'failed');
    if (!is12) {
      expect(dig(cmi, 'completion_status')).toBe('completed');
      expect(Number(dig(cmi, 'score.scaled'))).toBeCloseTo(total / 100, 5);
    }
    expect(Number(dig(cmi, el.raw))).toBe(total);
    expect(Number(dig(cmi, el.min))).toBe(0);
    expect(Number(dig(cmi, el.max))).toBe(100);
    expect(String(dig(cmi, el.time))).toMatch(is12 ? /^\d{2,4}:\d\d:\d\d(\.\d\d?)?$/ : /^PT/);
    // The suspend data is the attempt record of this very game, both sessions' moves.
    const record = JSON.parse(String(dig(cmi, 'suspend_data')));
    expect(record).toMatchObject({ format: 1, scenarioId: 'tutorial', mode: 'practice' });
    expect(record.moves).toHaveLength(decisions);
    const interactions = Object.values((dig(cmi, 'interactions') ?? {}) as Record<string, Cmi>).filter((i) => i && typeof i === 'object' && 'id' in i);
    expect(interactions.map((i) => i['id'])).toEqual(record.moves.map((m: string, n: number) => `turn-${n + 1}-${m}`));
    expect(interactions.every((i) => Object.keys((i['objectives'] ?? {}) as object).length > 0)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it.runIf(is12)(
    'an LMS that fails its commits: the game goes on and the rep is told progress may not be recorded',
    async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      const logged: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') logged.push(m.text());
      });
      const frame = await launch(page, 'rep-failing', '&fail=commit');
      await playSensibly(frame, 1);
      await lmsSettled(frame);
      const notice = frame.locator('[data-testid="notice"]');
      expect(await notice.isVisible()).toBe(true);
      expect(await notice.textContent()).toMatch(/progress may not be recorded/);
      expect(logged.some((l) => l.includes('[lms]') && l.includes('LMSCommit'))).toBe(true);
      const snap = (await frameSnapshot(frame))!;
      await actIn(frame, `choice-${snap.choices[0]!.id}`);
      expect((await frameSnapshot(frame))!.turn).toBe(snap.turn + 1);
      await page.close();
    },
    120_000,
  );

  it.runIf(is12)(
    'without an LMS the package plays as the ordinary game, with no notice',
    async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      const errors = watchErrors(page);
      await page.goto(`${site.url}/course/index.html`);
      await page.waitForSelector('#a11y[data-screen="briefing"]', { state: 'attached' });
      await playSensibly(page, 2);
      expect((await frameSnapshot(page))!.turn).toBe(2);
      expect(await page.locator('[data-testid="notice"]').isVisible()).toBe(false);
      expect(errors).toEqual([]);
      await page.close();
    },
    120_000,
  );
});
