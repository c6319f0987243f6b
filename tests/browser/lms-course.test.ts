import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, watchErrors } from './harness.ts';
import { courseFrame, frameSnapshot, lmsSettled, packageSite, playSensibly, type PackageSite } from './lms-harness.ts';
import { scorm2004Problems } from '../lms/manifest-checks.ts';

/**
 * The shipped learning path as one SCORM 2004 course in the test LMS page: the manifest is valid with
 * one SCO per step at the step's pass mark; a unit launched from the course plays its own step's
 * scenario and mode, and at the end the LMS holds that unit's completion, success and score.
 */
type Cmi = Record<string, unknown>;
const stored = (page: Page) => page.evaluate(() => (window as unknown as { testLms: { stored(): { cmi: Cmi; exit: string } } }).testLms.stored());
const closeCourse = async (page: Page) => {
  await page.click('#close');
  await page.waitForFunction(() => (window as unknown as { testLms: { log: string[] } }).testLms.log.includes('Terminate'));
};

describe('a learning path as one SCORM 2004 course', () => {
  let site: PackageSite;
  let browser: Browser;

  beforeAll(async () => {
    site = await packageSite(() => ({ format: 'scorm2004' }));
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('has a valid manifest with one unit per step, each at its pass mark', () => {
    const units = site.built.course!.units;
    expect(units.length).toBeGreaterThan(1);
    const xml = new TextDecoder().decode(site.zip['imsmanifest.xml']);
    expect(
      scorm2004Problems(
        xml,
        Object.keys(site.zip),
        units.map((u) => u.assignment.passMark),
      ),
    ).toEqual([]);
    for (const u of units) expect(Object.keys(site.zip)).toContain(u.launchPage);
  });

  it("a unit plays its own step to the end, and the LMS holds that unit's result", async () => {
    const [first, second] = site.built.course!.units;
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);

    // The second unit opens its own scenario, in its own mode.
    let frame = await (async () => {
      await page.goto(`${site.url}/lms/scorm-lms.html?course=/course/&learner=rep-c&item=2`);
      return courseFrame(page);
    })();
    expect(await frame.getAttribute('#a11y', 'data-screen')).toBe('briefing');
    await playSensibly(frame, 1);
    await lmsSettled(frame);
    await closeCourse(page);
    const secondRecord = JSON.parse(String((await stored(page)).cmi['suspend_data']));
    expect(secondRecord).toMatchObject({ scenarioId: second!.assignment.scenarioId, personaId: second!.assignment.personaId, mode: second!.assignment.mode });

    // The first unit, played to the end.
    await page.goto(`${site.url}/lms/scorm-lms.html?course=/course/&learner=rep-c&item=1`);
    frame = await courseFrame(page);
    await playSensibly(frame);
    expect(await frame.getAttribute('#a11y', 'data-screen')).toBe('debrief');
    await lmsSettled(frame);
    const total = await frame.evaluate(() => window.__walkaway!.result()!.score.total);
    const decisions = (await frameSnapshot(frame))!.turn;
    await closeCourse(page);
    const { cmi } = await stored(page);
    expect(cmi['completion_status']).toBe('completed');
    expect(cmi['success_status']).toBe(total >= first!.assignment.passMark ? 'passed' : 'failed');
    expect(Number((cmi['score'] as Cmi)['raw'])).toBe(total);
    const record = JSON.parse(String(cmi['suspend_data']));
    expect(record).toMatchObject({ scenarioId: first!.assignment.scenarioId, mode: first!.assignment.mode });
    expect(record.moves).toHaveLength(decisions);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
