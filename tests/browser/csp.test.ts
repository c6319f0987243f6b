import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CONTENT_SECURITY_POLICY } from '../../src/web/content-security-policy.ts';
import { actAndWait, CHROMIUM_ARGS, gameSnapshot, openMenu, screen, sensibleChoice, testid, watchErrors } from './harness.ts';
import { productionBuild, servePreview, type Served } from './production-build.ts';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Records every CSP violation the page reports, from before its first script runs. */
function recordViolations(): void {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations!.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
  });
}

/**
 * The production build under its Content-Security-Policy: served by `vite preview` with the policy as a
 * header and as a `<meta>` in the page, a whole game is played and not one violation may be reported.
 */
describe('strict Content-Security-Policy on the production build', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    served = await servePreview(await productionBuild());
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    errors = watchErrors(page);
    await page.addInitScript(recordViolations);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('sends the policy as a header and carries it in the page, without eval or inline code', async () => {
    const response = await page.goto(served.url);
    const header = response!.headers()['content-security-policy'];
    expect(header).toBe(CONTENT_SECURITY_POLICY);
    for (const policy of [header!, (await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content'))!]) {
      expect(policy).toContain("default-src 'self'");
      expect(policy).toMatch(/script-src 'self'(;|$)/);
      expect(policy).toMatch(/style-src 'self'(;|$)/);
      expect(policy).not.toContain('unsafe-');
    }
    // The built page has no inline script or style for the policy to block.
    expect(await page.locator('script:not([src])').count()).toBe(0);
    expect(await page.locator('style').count()).toBe(0);
  });

  it('plays a whole game to the debrief with no violation and no CSP error', async () => {
    await openMenu(page, `${served.url}?seed=11`);
    await actAndWait(page, 'start');
    await actAndWait(page, 'briefing-continue');
    for (let guard = 0; guard < 40 && (await screen(page)) !== 'debrief'; guard++) {
      await actAndWait(page, `choice-${sensibleChoice((await gameSnapshot(page))!)}`);
    }
    expect(await screen(page)).toBe('debrief');
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('would notice a violation: an inline script and an inline style are blocked and reported', async () => {
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineScriptRan = true';
      document.head.append(script);
      document.body.insertAdjacentHTML('beforeend', '<div style="color: red"></div>');
      return (window as unknown as { __inlineScriptRan?: boolean }).__inlineScriptRan === true;
    });
    expect(ran).toBe(false);
    await page.waitForFunction(() => window.__cspViolations!.length >= 2);
    const violations = await page.evaluate(() => window.__cspViolations!);
    expect(violations.some((v) => v.startsWith('script-src'))).toBe(true);
    expect(violations.some((v) => v.startsWith('style-src'))).toBe(true);
  });
  it('holds on the studio too: the editor styles itself, its worker audits, the preview plays, no violation', async () => {
    const studio = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const studioErrors = watchErrors(studio);
    await studio.addInitScript(recordViolations);
    try {
      const response = await studio.goto(`${served.url}studio.html`);
      expect(response!.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(await studio.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')).toContain("script-src 'self'");
      await studio.waitForSelector('.cm-content', { timeout: 60_000 });
      await studio.waitForFunction(() => document.body.dataset['validatedMs'] !== undefined, null, { timeout: 60_000 });
      // The editor's constructed stylesheets apply (its gutters are laid out beside the text).
      const gutter = await studio.locator('.cm-gutters').boundingBox();
      expect(gutter?.width ?? 0).toBeGreaterThan(10);
      // The teaching table comes from the audit worker, which loads the engine (and Zod) of its own.
      await studio.click(testid('tab-teaching'));
      await studio.waitForSelector('#panel-teaching[data-state="done"]', { timeout: 120_000 });
      expect(await studio.evaluate(() => window.__cspViolations)).toEqual([]);
      expect(studioErrors).toEqual([]);
    } finally {
      await studio.close();
    }
  });

  it('holds on the workshop page: it carries the policy and reports no violation', async () => {
    const workshop = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await workshop.addInitScript(recordViolations);
    try {
      // Its script runs: the create form asks the server for the scenarios (vite preview has none to give).
      const asked = workshop.waitForRequest((r) => r.url().endsWith('/api/scenarios'), { timeout: 60_000 });
      const response = await workshop.goto(`${served.url}workshop.html`);
      expect(response!.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(await workshop.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')).toContain("script-src 'self'");
      await asked;
      await workshop.waitForLoadState('load');
      expect(await workshop.evaluate(() => window.__cspViolations)).toEqual([]);
    } finally {
      await workshop.close();
    }
  });
});
