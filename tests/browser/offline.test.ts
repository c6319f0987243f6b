import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { actAndWait, CHROMIUM_ARGS, gameSnapshot, openMenu, ROOT, screen, sensibleChoice, testid, toMenu, waitForScreen, watchErrors } from './harness.ts';
import { productionBuild, servePreview, type Served } from './production-build.ts';

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)]));

/** Waits until the service worker is active and has finished precaching (it activates only after that). */
async function serviceWorkerReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

async function playToDebrief(page: Page): Promise<void> {
  for (let guard = 0; guard < 40 && (await screen(page)) !== 'debrief'; guard++) {
    await actAndWait(page, `choice-${sensibleChoice((await gameSnapshot(page))!)}`);
  }
}

/**
 * Installable and offline, on the production build: after one visit the whole game (code, every built-in
 * scenario, audio, art, icons) is cached by the service worker and plays with the server gone and the
 * network off; a new version waits while a game is in progress and takes over on the next visit, with the
 * game restored from its save.
 */
describe('offline play and updates through the service worker', () => {
  let outDir: string;
  let served: Served | null = null;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let port = 0;
  const updated = mkdtempSync(join(tmpdir(), 'walkaway-update-'));

  beforeAll(async () => {
    outDir = await productionBuild();
    served = await servePreview(outDir);
    port = Number(new URL(served.url).port);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    page = await context.newPage();
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    rmSync(updated, { recursive: true, force: true });
  });

  it('offers a web app manifest with icons made from the logo', async () => {
    await openMenu(page, served!.url);
    const href = await page.getAttribute('link[rel="manifest"]', 'href');
    const manifest = await (await page.request.get(new URL(href!, served!.url).href)).json();
    expect(manifest).toMatchObject({ short_name: 'Walkaway', start_url: '/', display: 'standalone' });
    const sizes = (manifest.icons as { sizes: string; purpose: string }[]).map((i) => `${i.sizes} ${i.purpose}`);
    expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
    for (const icon of manifest.icons as { src: string }[]) expect((await page.request.get(new URL(icon.src, served!.url).href)).status()).toBe(200);
  });

  it("passes Chromium's own check for an installable app, the one behind the address bar's install button", async () => {
    // A browser profile of its own: Chromium never offers to install from a private (incognito) context,
    // which is what a fresh Playwright context is.
    const profile = mkdtempSync(join(tmpdir(), 'walkaway-profile-'));
    const installing = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    try {
      const tab = await installing.newPage();
      const cdp = await installing.newCDPSession(tab);
      await openMenu(tab, served!.url);
      expect((await cdp.send('Page.getAppManifest')).errors).toEqual([]);
      expect((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors).toEqual([]);
      // The check does refuse: a page on a local server of its own, with no manifest, is not installable.
      const bare = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>No manifest</title>'));
      await new Promise<void>((listening) => bare.listen(0, '127.0.0.1', listening));
      try {
        await tab.goto(`http://127.0.0.1:${(bare.address() as AddressInfo).port}/`);
        const refused = (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors.map((e) => e.errorId);
        expect(refused).toContain('no-manifest');
      } finally {
        bare.close();
      }
    } finally {
      await installing.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('caches every built file on the first visit, then plays a whole game with the network off', async () => {
    await serviceWorkerReady(page);
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
      return urls;
    });
    const built = filesUnder(outDir)
      .map((f) => `/${relative(outDir, f)}`)
      .filter((p) => /\.(js|css|html|svg|png|ogg|mp3|webmanifest)$/.test(p) && p !== '/sw.js' && !p.startsWith('/workbox-'));
    expect(built.filter((p) => p.startsWith('/audio/')).length).toBeGreaterThan(0);
    expect(cached).toEqual(expect.arrayContaining(built));

    // The network is gone: the server is stopped and the browser is offline.
    await served!.close();
    served = null;
    await context.setOffline(true);
    await page.reload();
    await toMenu(page);
    const scenarioFiles = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));
    expect(await page.locator('#a11y [data-testid^="menu-scenario-"]').count()).toBe(scenarioFiles.length);
    // Audio and art come from the cache too.
    const offlineStatus = await page.evaluate(
      async (paths) => Promise.all(paths.map(async (p) => (await fetch(p)).status)),
      built.filter((p) => /^\/(audio|art)\//.test(p)),
    );
    expect(new Set(offlineStatus)).toEqual(new Set([200]));

    await actAndWait(page, 'start');
    await actAndWait(page, 'briefing-continue');
    await playToDebrief(page);
    expect(await screen(page)).toBe('debrief');
    expect(errors).toEqual([]);
  });

  it('keeps a game in progress through an update, which takes over on the next visit', async () => {
    // Version 2 of the site: a changed page (with a marker) and the service worker that precaches it.
    cpSync(outDir, updated, { recursive: true });
    const index = readFileSync(join(updated, 'index.html'), 'utf8').replace('<title>', '<meta name="walkaway-test-version" content="2" />\n    <title>');
    writeFileSync(join(updated, 'index.html'), index);
    const sw = readFileSync(join(updated, 'sw.js'), 'utf8');
    const sw2 = sw.replace(/(\{url:"index\.html",revision:")[0-9a-f]+"/, '$1version-2"');
    expect(sw2).not.toBe(sw);
    writeFileSync(join(updated, 'sw.js'), sw2);

    // A game in progress on version 1 (still offline), saved after every move.
    await openMenu(page, served?.url ?? `http://127.0.0.1:${port}/`);
    await actAndWait(page, 'start');
    await actAndWait(page, 'briefing-continue');
    for (let i = 0; i < 3; i++) await actAndWait(page, `choice-${sensibleChoice((await gameSnapshot(page))!)}`);
    const before = (await gameSnapshot(page))!;

    // Back online with version 2 on the server: the reload still runs version 1 and keeps the game;
    // the new version waits, and the player is told.
    served = await servePreview(updated, port);
    await context.setOffline(false);
    await page.reload();
    await waitForScreen(page, before.phase === 'prep' ? 'preparation' : 'negotiation');
    await page.waitForSelector(`${testid('notice')}:has-text("new version")`);
    expect(await page.locator('meta[name="walkaway-test-version"]').count()).toBe(0);
    expect((await gameSnapshot(page))!.turn).toBe(before.turn);
    expect((await gameSnapshot(page))!.line).toBe(before.line);

    // The next visit (every tab of the old version closed) runs version 2 and continues the same game.
    await page.close();
    let next: Page | null = null;
    for (let attempt = 0; attempt < 20; attempt++) {
      next = await context.newPage();
      errors = watchErrors(next);
      await openMenu(next, served.url);
      if ((await next.locator('meta[name="walkaway-test-version"]').count()) === 1) break;
      await next.close();
      next = null;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(next, 'version 2 never took over').not.toBeNull();
    page = next!;
    await actAndWait(page, 'continue');
    const after = (await gameSnapshot(page))!;
    expect(after.turn).toBe(before.turn);
    expect(after.line).toBe(before.line);
    // And the game goes on under version 2.
    await actAndWait(page, `choice-${sensibleChoice(after)}`);
    expect((await gameSnapshot(page))!.turn).toBeGreaterThan(before.turn);
    expect(errors).toEqual([]);
  }, 120_000);
});
