import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkshopServer } from '../../src/server/app.ts';
import type { Database } from '../../src/server/db/database.ts';
import { DATABASE_KINDS, TestDatabases, startTestServer } from '../server/test-server.ts';
import { CHROMIUM_ARGS, ROOT, actAndWait, gameSnapshot, screen, sensibleChoice, testid, waitForScreen, watchErrors } from './harness.ts';

/**
 * A workshop in a real browser on a real server: the facilitator opens a room from the projector page,
 * three reps join it by link in their own browser contexts and play to the end through the
 * accessibility layer, one reloads mid-game and resumes, the projector shows their verified results,
 * a forged result is refused and flagged, and a server restart keeps everything. Once on PGlite, once
 * on PostgreSQL. Screenshots of the projector (lobby, live, revealed) go to /tmp/walkaway-workshop-*.
 */
const dist = mkdtempSync(join(tmpdir(), 'walkaway-dist-'));
const dbs = new TestDatabases();
let browser: Browser;

beforeAll(async () => {
  await build({ root: ROOT, configFile: `${ROOT}/vite.config.ts`, logLevel: 'error', build: { outDir: dist, emptyOutDir: true } });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  dbs.close();
  rmSync(dist, { recursive: true, force: true });
});

const REPS = ['Ana Souza', 'Ben Okoro', 'Chen Li'];

describe.each(DATABASE_KINDS)('workshop room in Chromium on %s', (kind) => {
  let db: Database;
  let server: WorkshopServer;
  let loc: Awaited<ReturnType<TestDatabases['location']>>;
  let url: string;
  let port: number;
  let projector: Page;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    loc = await dbs.location(kind);
    db = await dbs.open(loc);
    server = await startTestServer(db, { distDir: dist, liveThrottleMs: 100 });
    url = await server.app.listen({ port: 0, host: '127.0.0.1' });
    port = Number(new URL(url).port);
  }, 180_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await projector?.context().close();
    await server?.close();
    await db?.close();
  });

  const shot = async (name: string) => {
    if (kind === 'pglite') await projector.screenshot({ path: `/tmp/walkaway-workshop-${name}.png` });
  };
  const count = async (which: string) => Number(await projector.locator(`${testid(`count-${which}`)} b`).textContent());

  it('three reps join by link, play to the end (one reloads and resumes), and the projector shows their verified results', async () => {
    const facilitator = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    projector = await facilitator.newPage();
    errors.push(...watchErrors(projector));
    await projector.goto(`${url}/workshop.html`);
    await projector.selectOption(testid('create-scenario'), 'enterprise-deal');
    await projector.selectOption(testid('create-persona'), '');
    await projector.click(testid('create-room'));
    await projector.waitForURL(/workshop\.html\?room=[A-Z0-9]{6}#secret=[0-9a-f]{32}$/);
    const code = (await projector.textContent(testid('room-code')))!;
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    await projector.waitForSelector(`${testid('room-title')}:text("The $200K Enterprise Deal"), ${testid('room-title')}:not(:text("Loading"))`);
    expect(await projector.locator('img.qr').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

    // Three reps, each in a browser of their own (separate storage), on a phone-ish and a laptop screen.
    const reps: Page[] = [];
    for (const [i, name] of REPS.entries()) {
      const context = await browser.newContext({ viewport: i === 2 ? { width: 844, height: 390 } : { width: 1280, height: 720 } });
      contexts.push(context);
      // A rep who reads fast: lines appear at once (the software renderer here draws every typed frame).
      await context.addInitScript(() => localStorage.setItem('walkaway.settings', JSON.stringify({ volume: 0, muted: true, textSpeed: 'instant' })));
      const page = await context.newPage();
      errors.push(...watchErrors(page));
      // The game's code comes compressed (the build's brotli twin): a quarter of the bytes per rep.
      const mainScript = page.waitForResponse((r) => /\/assets\/main-[^/]+\.js$/.test(r.url()));
      await page.goto(`${url}/?room=${code}`);
      expect((await mainScript).headers()['content-encoding']).toBe('br');
      await page.waitForSelector(testid('workshop-name'));
      expect(await page.inputValue(testid('workshop-code'))).toBe(code);
      if (i === 0) {
        // Markup in a name is refused in words, and nothing is rendered.
        await page.focus(testid('workshop-name'));
        await page.keyboard.type('<b>Ana</b>');
        await page.keyboard.press('Enter');
        expect(await page.textContent(testid('workshop-error'))).toBe('Name: a name may not contain < or >');
        await page.fill(testid('workshop-name'), '');
      }
      await page.focus(testid('workshop-name'));
      await page.keyboard.type(name);
      await page.keyboard.press('Enter');
      await waitForScreen(page, 'briefing');
      reps.push(page);
    }
    await projector.waitForFunction(() => document.querySelectorAll('[data-testid="rep"]').length === 3, null, { polling: 100 });
    expect(await projector.locator(testid('rep')).locator('.name').allTextContents()).toEqual(REPS);
    await shot('lobby');

    const play = async (page: Page, reloadAfter?: number) => {
      if ((await screen(page)) === 'briefing') await actAndWait(page, 'briefing-continue');
      for (let guard = 0; guard < 60 && (await screen(page)) !== 'debrief'; guard++) {
        const snap = (await gameSnapshot(page))!;
        await actAndWait(page, `choice-${sensibleChoice(snap)}`);
        if (reloadAfter !== undefined && snap.turn + 1 === reloadAfter) {
          // Every move so far has reached the room; then the rep reloads and lands where they were.
          await page.waitForSelector(`${testid('workshop-status')}[data-kind="saved"]`);
          const before = (await gameSnapshot(page))!;
          // Every screen the page shows from the reload on.
          await page.addInitScript(() => {
            const shown: string[] = [];
            (window as unknown as { __shown: string[] }).__shown = shown;
            new MutationObserver(() => {
              const now = document.getElementById('a11y')?.dataset['screen'];
              if (now && shown.at(-1) !== now) shown.push(now);
            }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-screen'] });
          });
          await page.reload();
          // The first screen may show while the room answers and the game's screens load: the rep lands
          // on their game once both are in.
          const where = before.phase === 'prep' ? 'preparation' : 'negotiation';
          await page.waitForFunction(
            ([turn, screenName]) => window.__walkaway?.snapshot()?.turn === turn && document.getElementById('a11y')?.dataset['screen'] === screenName,
            [before.turn, where] as const,
          );
          const after = (await gameSnapshot(page))!;
          expect([after.turn, after.line, after.terms]).toEqual([before.turn, before.line, before.terms]);
          // The loading screen, then the game: no other screen to press on in between.
          expect(await page.evaluate(() => (window as unknown as { __shown: string[] }).__shown)).toEqual(['preload', where]);
          reloadAfter = undefined;
        }
      }
      expect(await screen(page)).toBe('debrief');
      await page.waitForSelector(`${testid('workshop-status')}[data-kind="verified"]`);
      return page.evaluate(() => window.__walkaway!.result()!.score.total);
    };
    // Two reps play while the projector watches the room live; the third finishes afterwards.
    const first = await Promise.all([play(reps[0]!), play(reps[1]!, 6)]);
    await actAndWait(reps[2]!, 'briefing-continue');
    await projector.waitForFunction(() => document.querySelector('[data-testid="count-finished"] b')?.textContent === '2', null, { polling: 100 });
    expect(await count('playing')).toBe(1);
    await shot('live');
    const third = await play(reps[2]!);
    const scores = [...first, third];
    await projector.waitForFunction(() => document.querySelector('[data-testid="count-finished"] b')?.textContent === '3', null, { polling: 100 });

    // Reveal: the results are the server's replays, and they are what each rep saw.
    await projector.click(testid('reveal'));
    await projector.waitForSelector(`${testid('results')}:not([hidden])`);
    const tiles = await projector.locator(testid('rep')).locator('.progress').allTextContents();
    tiles.forEach((t, i) => expect(t).toMatch(new RegExp(` · ${scores[i]} \\([A-F]\\)$`)));
    expect(await projector.textContent(testid('score-note'))).toContain('(3 finished)');
    const best = Math.max(...scores);
    expect(await projector.textContent(`${testid('best-path')} .score`)).toContain(`score ${best}`);
    // Side by side: two reps picked by the facilitator.
    const ids = await projector.locator(`${testid('compare-a')} option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    await projector.selectOption(testid('compare-a'), ids[0]!);
    await projector.selectOption(testid('compare-b'), ids[2]!);
    await projector.click(testid('compare'));
    await projector.waitForSelector(`${testid('comparison')}:not([hidden])`);
    expect(await projector.textContent(`${testid('compare-left')} h2`)).toContain(REPS[0]);
    expect(await projector.textContent(`${testid('compare-right')} h2`)).toContain(REPS[2]);
    await shot('revealed');
    await projector.click(testid('hide-names'));
    await projector.waitForFunction(() => document.querySelector('[data-testid="rep"] .name')?.textContent === 'Rep 1', null, { polling: 100 });
    expect(await projector.locator('body').textContent()).not.toContain(REPS[1]);
    await projector.click(testid('hide-names'));
    await projector.waitForFunction((name) => document.querySelector('[data-testid="rep"] .name')?.textContent === name, REPS[0], { polling: 100 });
    expect(errors).toEqual([]);
  }, 300_000);

  it('refuses a forged result and flags it on the projector, even while a facilitator action is under way', async () => {
    const page = contexts[0]!.pages()[0]!;
    // The facilitator acts (compares the same two reps again) and the server answers with the room as it
    // was before the forgery; that answer reaches the projector only after the live stream has shown the flag.
    let deliverAnswer: (() => Promise<void>) | null = null;
    let answerIsRead: () => void = () => undefined;
    const answerRead = new Promise<void>((resolve) => {
      answerIsRead = resolve;
    });
    await projector.route('**/api/rooms/*/actions', async (route) => {
      const response = await route.fetch();
      deliverAnswer = () => route.fulfill({ response });
      answerIsRead();
    });
    await projector.click(testid('compare'));
    await answerRead;
    const answer = await page.evaluate(async () => {
      const code = new URLSearchParams(location.search).get('room')!;
      const seat = JSON.parse(localStorage.getItem(`walkaway.workshop.${code}`)!) as { token: string };
      const res = await fetch(`/api/rooms/${code}/me/result`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${seat.token}` },
        body: JSON.stringify({ outcome: 'deal', value: 999999, score: 100 }),
      });
      return { status: res.status, body: (await res.json()) as { error: string } };
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error).toContain('does not match the replay');
    await projector.waitForSelector(`${testid('flags')}:not([hidden]) li`);
    await deliverAnswer!();
    await projector.waitForSelector('nav.controls[aria-busy="false"]', { state: 'attached' });
    await projector.unroute('**/api/rooms/*/actions');
    // The older answer did not paint over the flag.
    expect(await projector.textContent(`${testid('flags')} li`)).toContain(`${REPS[0]}: result rejected: reported`);
    expect(await projector.getAttribute(`${testid('rep')}:first-child`, 'data-flagged')).toBe('true');
  });

  it('keeps the room through a server restart: the projector reconnects and a rep reload finds the finished game', async () => {
    const before = await projector.locator(testid('rep')).locator('.progress').allTextContents();
    await server.close();
    await db.close();
    db = await dbs.open(loc);
    server = await startTestServer(db, { distDir: dist, liveThrottleMs: 100 });
    await server.app.listen({ port, host: '127.0.0.1' });
    // The projector's live stream reconnects on its own and shows the same room.
    await projector.waitForSelector(`${testid('problem')}[hidden]`, { state: 'attached', timeout: 30_000 });
    await projector.reload();
    await projector.waitForFunction(() => document.querySelectorAll('[data-testid="rep"]').length === 3, null, { polling: 100 });
    expect(await projector.locator(testid('rep')).locator('.progress').allTextContents()).toEqual(before);
    const rep = contexts[1]!.pages()[0]!;
    await rep.reload();
    await waitForScreen(rep, 'debrief');
    await rep.waitForSelector(`${testid('workshop-status')}[data-kind="verified"]`);
    expect(errors).toEqual([]);
  });
});
