import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from './harness.ts';
import { lmsSettled, packageSite, playSensibly, type PackageSite } from './lms-harness.ts';
import { xapiProblems } from '../lms/xapi-validator.ts';

/**
 * xAPI statements to an organisation's learning record store (configured in the package), through the
 * offline outbox: with the network cut the game plays on and statements wait on the device (also
 * across closing the page); when the network is back they arrive, each exactly once.
 */
const AUTH = `Basic ${Buffer.from('walkaway:secret').toString('base64')}`;
// biome-ignore lint/suspicious/noExplicitAny: xAPI statements are read field by field, as the LRS stored them
type Json = Record<string, any>;

describe('xAPI statements with the network cut', () => {
  let site: PackageSite;
  let browser: Browser;
  const received: Json[] = [];
  const refusedAuth: string[] = [];

  beforeAll(async () => {
    site = await packageSite((url) => ({
      format: 'scorm12',
      scenario: 'tutorial',
      lrsEndpoint: `${url}/lrs/`,
      lrsAuth: AUTH,
      lrsActorHomePage: 'https://lms.example.com',
    }));
    site.routes.push((req, res, body) => {
      const url = new URL(req.url ?? '/', site.url);
      if (url.pathname !== '/lrs/statements') return false;
      if (req.headers['authorization'] !== AUTH) {
        refusedAuth.push(String(req.headers['authorization']));
        res.writeHead(401).end();
        return true;
      }
      const sent = JSON.parse(body) as Json | Json[];
      const list = Array.isArray(sent) ? sent : [sent];
      received.push(...list);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(list.map((s) => s['id'])));
      return true;
    });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  const verbs = () => received.map((s) => String(s['verb'].id).split('/').pop());
  const until = async (what: () => boolean, label: string) => {
    for (let i = 0; i < 100 && !what(); i++) await new Promise((r) => setTimeout(r, 100));
    expect(what(), label).toBe(true);
  };

  it('queues statements while offline (even across closing the page) and sends each once when back', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const open = async (): Promise<Page> => {
      const page = await context.newPage();
      await page.goto(`${site.url}/course/index.html`);
      await page.waitForSelector('#a11y[data-screen="briefing"]', { state: 'attached' });
      return page;
    };
    let page = await open();
    await until(() => received.length === 1, 'launched arrives while online');
    expect(verbs()).toEqual(['launched']);

    // Offline: two decisions are made; nothing reaches the LRS and the rep is not bothered about it.
    await context.setOffline(true);
    await playSensibly(page, 2);
    await lmsSettled(page);
    await new Promise((r) => setTimeout(r, 500));
    expect(received).toHaveLength(1);
    expect(await page.locator('[data-testid="notice"]').isVisible()).toBe(false);

    // Back online: the browser says so and the outbox empties.
    await context.setOffline(false);
    await until(() => received.length === 3, 'the two queued decisions arrive');
    expect(verbs()).toEqual(['launched', 'responded', 'responded']);

    // Offline again, two more decisions, and the page is closed before the network returns.
    await context.setOffline(true);
    await playSensibly(page, 2);
    await lmsSettled(page);
    await page.close();
    await context.setOffline(false);
    expect(received).toHaveLength(3);
    // The next launch sends what waited on the device, then its own "launched".
    page = await open();
    await until(() => received.length === 6, 'the statements left on the device arrive with the next launch');
    await new Promise((r) => setTimeout(r, 1000));

    expect(received).toHaveLength(6);
    expect(verbs()).toEqual(['launched', 'responded', 'responded', 'responded', 'responded', 'launched']);
    expect(new Set(received.map((s) => s['id'])).size).toBe(received.length);
    for (const s of received) expect(xapiProblems(s), JSON.stringify(s)).toEqual([]);
    // Without an LMS the device's own anonymous learner is the actor, in the organisation's name space.
    expect(received.every((s) => s['actor'].account.homePage === 'https://lms.example.com')).toBe(true);
    expect(new Set(received.map((s) => s['actor'].account.name)).size).toBe(1);
    const turns = received.filter((s) => s['verb'].id.endsWith('/responded')).map((s) => s['context'].extensions['urn:walkaway:xapi:extension:turn']);
    expect(turns).toEqual([1, 2, 3, 4]);
    expect(refusedAuth).toEqual([]);
    await context.close();
  }, 240_000);
});
