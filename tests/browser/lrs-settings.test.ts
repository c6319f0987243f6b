import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { act, actAndWait, openMenu, startHarness, tabTo, testid, watchErrors, type Harness } from './harness.ts';
import { instantText, playToDebrief } from './practice-helpers.ts';
import { xapiProblems } from '../lms/xapi-validator.ts';

/**
 * The learning record store in the game's settings: from the menu a rep opens the dialog, gets a plain
 * refusal for an address that is not https, tests the connection against an LRS (a loopback one here,
 * which records what it receives), saves, plays, and the LRS holds launched, one statement per decision,
 * completed and passed or failed, each once. Cleared, nothing more is sent.
 */
// biome-ignore lint/suspicious/noExplicitAny: xAPI statements are read field by field, as the LRS stored them
type Json = Record<string, any>;
const AUTH = `Basic ${Buffer.from('walkaway-rep:pa55').toString('base64')}`;

describe('learning record store settings', () => {
  let h: Harness;
  let lrs: Server;
  let lrsUrl = '';
  const received: Json[] = [];
  const abouts: string[] = [];

  beforeAll(async () => {
    // A minimal LRS on another origin than the game: CORS, the About resource, and statements.
    lrs = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        res.setHeader('access-control-allow-origin', '*');
        res.setHeader('access-control-allow-headers', 'authorization, content-type, x-experience-api-version');
        res.setHeader('access-control-allow-methods', 'GET, POST, PUT, OPTIONS');
        if (req.method === 'OPTIONS') return void res.writeHead(204).end();
        if (req.headers['authorization'] !== AUTH) return void res.writeHead(401).end();
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        if (path === '/xapi/about') {
          abouts.push(String(req.headers['x-experience-api-version']));
          return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ version: ['1.0.3'] }));
        }
        if (path === '/xapi/statements' && (req.method === 'POST' || req.method === 'PUT')) {
          const sent = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json | Json[];
          const list = Array.isArray(sent) ? sent : [sent];
          received.push(...list);
          return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(list.map((s) => s['id'])));
        }
        res.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => lrs.listen(0, '127.0.0.1', resolve));
    lrsUrl = `http://127.0.0.1:${(lrs.address() as { port: number }).port}/xapi/`;
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
    lrs?.closeAllConnections();
    await new Promise<void>((resolve) => (lrs ? lrs.close(() => resolve()) : resolve()));
  });

  const until = async (what: () => boolean, label: string) => {
    for (let i = 0; i < 100 && !what(); i++) await new Promise((r) => setTimeout(r, 100));
    expect(what(), label).toBe(true);
  };
  const status = (page: Page) => page.textContent(testid('lrs-status'));
  const fill = async (page: Page, endpoint: string, key: string, secret: string) => {
    await page.fill(testid('lrs-endpoint'), endpoint);
    await page.fill(testid('lrs-key'), key);
    await page.fill(testid('lrs-secret'), secret);
  };

  it('entered, tested and saved from the menu, it receives every game; cleared, it receives nothing more', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await instantText(page);
    await openMenu(page, `${h.url}?seed=3`);

    // Keyboard: the menu's settings group has the button; Enter opens the dialog with focus in it.
    await tabTo(page, 'lrs-settings');
    await page.keyboard.press('Enter');
    await page.waitForSelector(testid('lrs-endpoint'));
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset['testid'])).toBe('lrs-endpoint');

    // Plain http to another machine is refused at its field, before any request.
    await fill(page, 'http://lrs.example.com/xapi/', 'walkaway-rep', 'pa55');
    await page.click(testid('lrs-test'));
    expect(await status(page)).toMatch(/must start with https:\/\//);
    expect(await page.getAttribute(testid('lrs-endpoint'), 'aria-invalid')).toBe('true');
    await fill(page, lrsUrl, 'walkaway-rep', '');
    await page.click(testid('lrs-save'));
    expect(await status(page)).toMatch(/Enter the secret/);

    // A wrong secret: the store refuses it; the right one connects.
    await fill(page, lrsUrl, 'walkaway-rep', 'wrong');
    await page.click(testid('lrs-test'));
    await page.waitForFunction(() => /refused the key and secret/.test(document.querySelector('[data-testid="lrs-status"]')?.textContent ?? ''));
    await fill(page, lrsUrl, 'walkaway-rep', 'pa55');
    await page.click(testid('lrs-test'));
    await page.waitForFunction(() => /^Connected/.test(document.querySelector('[data-testid="lrs-status"]')?.textContent ?? ''));
    expect(abouts).toEqual(['1.0.3']);
    await page.screenshot({ path: '/tmp/walkaway-lrs-settings.png' });
    await page.click(testid('lrs-save'));
    expect(await status(page)).toMatch(/Saved on this device/);
    await page.keyboard.press('Escape');
    expect(await page.locator('.lrs-settings').count()).toBe(0);
    expect(received).toEqual([]);

    // A game, played through the accessibility layer: launched, each decision, completed and a verdict.
    await actAndWait(page, 'start');
    await until(() => received.length === 1, 'launched arrives when the game starts');
    await playToDebrief(page);
    const decisions = await page.evaluate(() => window.__walkaway!.snapshot()!.turn);
    const total = await page.evaluate(() => window.__walkaway!.result()!.score.total);
    await until(() => received.length === decisions + 3, 'every decision and the result arrive');
    const verbs = received.map((s) => String(s['verb'].id).split('/').pop());
    expect(verbs).toEqual(['launched', ...Array(decisions).fill('responded'), 'completed', expect.stringMatching(/^(passed|failed)$/)]);
    expect(received.at(-1)!['result'].score.raw).toBe(total);
    expect(new Set(received.map((s) => s['id'])).size).toBe(received.length);
    for (const s of received) expect(xapiProblems(s), JSON.stringify(s)).toEqual([]);
    expect(received[0]!['object'].id).toMatch(/^urn:walkaway:assignment:tutorial:/);

    // Another tab of this browser finds the settings saved; cleared there, a new game sends nothing.
    const other = await context.newPage();
    const otherErrors = watchErrors(other);
    await instantText(other);
    await openMenu(other, `${h.url}?seed=4`);
    await act(other, 'lrs-settings');
    await other.waitForSelector(testid('lrs-endpoint'));
    expect(await other.inputValue(testid('lrs-endpoint'))).toBe(lrsUrl);
    await other.click(testid('lrs-clear'));
    expect(await status(other)).toMatch(/Cleared/);
    await other.click(testid('lrs-close'));
    expect(await other.evaluate(() => localStorage.getItem('walkaway.lrs'))).toBeNull();
    const before = received.length;
    await actAndWait(other, 'start');
    await actAndWait(other, 'briefing-continue');
    const first = await other.evaluate(() => window.__walkaway!.snapshot()!.choices[0]!.id);
    await actAndWait(other, `choice-${first}`);
    await new Promise((r) => setTimeout(r, 1000));
    expect(received).toHaveLength(before);
    // The one failed request the browser logs is the wrong secret's, refused on purpose above.
    expect([...errors, ...otherErrors].filter((e) => !e.includes('status of 401'))).toEqual([]);
    await context.close();
  }, 240_000);
});
