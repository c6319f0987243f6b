import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Frame, Page } from 'playwright-core';
import { buildCoursePackage, buildLmsPackage, type BuiltPackage, type CoursePackageOptions, type PackageOptions } from '../../src/cli/package.ts';
import { sensibleChoice, type PageSnapshot } from './harness.ts';
import { startTestSite, type Route } from '../../scripts/lms-test-site.ts';

/**
 * Shared set-up for the LMS browser tests: builds a package (once per test file), unzips it, and
 * serves it from the test site (scripts/lms-test-site.ts: a static server on 127.0.0.1 with the test
 * LMS page and scorm-again's browser build). Tests may add their own routes (a loopback LRS).
 */
export interface PackageSite {
  built: BuiltPackage;
  /** Files of the zip, by path. */
  zip: Record<string, Uint8Array>;
  url: string;
  /** Extra handlers, tried before the static files; return true when handled. */
  routes: Route[];
  close(): Promise<void>;
}

/** Builds the package (a learning path course for options without a scenario), unzips it and serves it under /course/. */
export async function packageSite(options: (url: string) => PackageOptions | CoursePackageOptions): Promise<PackageSite> {
  const site = await startTestSite();
  const dir = mkdtempSync(join(tmpdir(), 'walkaway-lms-test-'));
  try {
    const o = options(site.url);
    const out = join(dir, 'package.zip');
    const built = 'scenario' in o ? await buildLmsPackage({ ...o, out }) : await buildCoursePackage({ ...o, out });
    const zip = unzipSync(new Uint8Array(readFileSync(built.file)));
    const course = join(dir, 'course');
    for (const [name, data] of Object.entries(zip)) {
      if (name.endsWith('/')) continue;
      mkdirSync(dirname(join(course, name)), { recursive: true });
      writeFileSync(join(course, name), data);
    }
    site.mounts.set('/course/', `${course}/`);
    return {
      built,
      zip,
      url: site.url,
      routes: site.routes,
      async close() {
        await site.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** The course frame once the game in it shows a screen. */
export async function courseFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('#course');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the course frame has no document');
  // The course's first screen proper, not the loading screen before it.
  await frame.waitForSelector('#a11y[data-screen]:not([data-screen="preload"])', { state: 'attached' });
  return frame;
}

export async function frameSnapshot(frame: Frame | Page): Promise<(PageSnapshot & { screen: string }) | null> {
  return frame.evaluate(() => {
    const s = window.__walkaway?.snapshot();
    return s
      ? {
          turn: s.turn,
          phase: s.phase,
          line: s.line,
          terms: s.terms,
          over: s.over,
          stage: s.stage,
          value: s.value,
          walkAwayValue: s.walkAwayValue,
          choices: s.choices.map((c) => ({ id: c.id, tags: c.tags })),
          screen: document.getElementById('a11y')?.dataset['screen'] ?? '',
        }
      : null;
  });
}

/** Acts through the accessibility layer of a frame and waits for the next drawn screen. */
export async function actIn(frame: Frame | Page, testid: string): Promise<void> {
  const before = Number(await frame.getAttribute('#a11y', 'data-render'));
  await frame.locator(`[data-testid="${testid}"]`).dispatchEvent('click');
  await frame.waitForFunction((n) => Number(document.getElementById('a11y')?.dataset['render']) > n, before);
}

/** From the briefing, plays `moves` sensible decisions (all of them when omitted) through the text layer. */
export async function playSensibly(frame: Frame | Page, moves = Infinity): Promise<void> {
  if ((await frame.getAttribute('#a11y', 'data-screen')) === 'briefing') await actIn(frame, 'briefing-continue');
  for (let i = 0; i < moves; i++) {
    const snap = await frameSnapshot(frame);
    if (!snap || snap.over) return;
    await actIn(frame, `choice-${sensibleChoice(snap)}`);
  }
}

/** Waits until every LMS call the game has made so far is answered. */
export async function lmsSettled(frame: Frame | Page): Promise<void> {
  await frame.evaluate(() => window.__walkawayLms?.settled());
}
