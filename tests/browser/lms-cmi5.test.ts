import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { XMLParser } from 'fast-xml-parser';
import { CHROMIUM_ARGS, watchErrors } from './harness.ts';
import { frameSnapshot, lmsSettled, packageSite, playSensibly, type PackageSite } from './lms-harness.ts';
import { cmi5Problems } from '../lms/manifest-checks.ts';
import { xapiProblems } from '../lms/xapi-validator.ts';

/**
 * A cmi5 package launched as a cmi5 LMS launches it: a loopback LMS (a small HTTP server in this test)
 * answers the fetch URL, holds LaunchData in the State API, sends "launched", and records every
 * statement the AU sends. Every statement must be valid xAPI and follow the cmi5 rules: launched,
 * initialized, decisions, completed, passed, terminated, in that order, in one session, with the
 * registration and the LMS's context; moveOn (CompletedAndPassed) is met. A rep who closes the window
 * mid-game ends the session (terminated) and is back at the same turn on the next launch.
 */
const PASS_MARK = 40;
const CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const MASTERY = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
// biome-ignore lint/suspicious/noExplicitAny: xAPI statements are read field by field, as the LRS stored them
type Json = Record<string, any>;

describe('cmi5 package against a loopback LMS', () => {
  let site: PackageSite;
  let browser: Browser;
  const statements: Json[] = [];
  const state = new Map<string, string>();
  const tokens = new Set<string>();
  const badAuth: string[] = [];

  beforeAll(async () => {
    site = await packageSite(() => ({ format: 'cmi5', scenario: 'tutorial', passMark: PASS_MARK, mode: 'assessment' }));
    site.routes.push((req, res, body) => {
      const url = new URL(req.url ?? '/', site.url);
      const json = (status: number, data?: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(data === undefined ? '' : JSON.stringify(data));
        return true;
      };
      if (url.pathname === '/cmi5/fetch' && req.method === 'POST') {
        const token = Buffer.from(`au:${crypto.randomUUID()}`).toString('base64');
        tokens.add(token);
        return json(200, { 'auth-token': token });
      }
      if (!url.pathname.startsWith('/xapi/')) return false;
      const auth = String(req.headers['authorization'] ?? '');
      if (!tokens.has(auth.replace(/^Basic /, ''))) badAuth.push(`${req.method} ${url.pathname} ${auth}`);
      const key = `${url.searchParams.get('activityId')}|${url.searchParams.get('registration')}|${url.searchParams.get('stateId')}`;
      if (url.pathname === '/xapi/activities/state') {
        if (req.method === 'GET') return state.has(key) ? json(200, JSON.parse(state.get(key)!)) : json(404);
        if (req.method === 'PUT' || req.method === 'POST') {
          state.set(key, body);
          return json(204);
        }
      }
      if (url.pathname === '/xapi/agents/profile') return json(404);
      if (url.pathname === '/xapi/statements' && (req.method === 'POST' || req.method === 'PUT')) {
        const sent = JSON.parse(body) as Json | Json[];
        const list = Array.isArray(sent) ? sent : [sent];
        statements.push(...list);
        return json(
          200,
          list.map((s) => s['id']),
        );
      }
      return json(404);
    });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** What a cmi5 LMS does to launch the AU: LaunchData for a new session, its own "launched", then the URL. */
  function prepareLaunch(registration: string, actor: Json): { url: string; sessionId: string; auId: string; mastery: number; au: Json } {
    const course = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(new TextDecoder().decode(site.zip['cmi5.xml']));
    const au = course.courseStructure.au as Json;
    const auId = String(au['@id']);
    const mastery = Number(au['@masteryScore']);
    const sessionId = crypto.randomUUID();
    const contextTemplate = { contextActivities: { grouping: [{ objectType: 'Activity', id: auId }] }, extensions: { [SESSION_ID]: sessionId } };
    state.set(
      `${auId}|${registration}|LMS.LaunchData`,
      JSON.stringify({ contextTemplate, launchMode: 'Normal', launchMethod: au['@launchMethod'], moveOn: au['@moveOn'], masteryScore: mastery }),
    );
    statements.push({
      id: crypto.randomUUID(),
      actor,
      verb: { id: 'http://adlnet.gov/expapi/verbs/launched', display: { 'en-US': 'launched' } },
      object: { objectType: 'Activity', id: auId },
      context: { ...contextTemplate, registration, contextActivities: { ...contextTemplate.contextActivities, category: [{ id: CMI5 }] } },
      timestamp: new Date().toISOString(),
    });
    const launch = new URLSearchParams({
      endpoint: `${site.url}/xapi/`,
      fetch: `${site.url}/cmi5/fetch`,
      actor: JSON.stringify(actor),
      registration,
      activityId: auId,
    });
    return { url: `${site.url}/course/${String(au.url)}?${launch}`, sessionId, auId, mastery, au };
  }

  it('has a valid cmi5.xml whose AU points at a file of the zip', () => {
    expect(cmi5Problems(new TextDecoder().decode(site.zip['cmi5.xml']), Object.keys(site.zip), PASS_MARK)).toEqual([]);
  });

  it('sends valid statements in the cmi5 order and meets moveOn', async () => {
    const registration = crypto.randomUUID();
    const actor = { objectType: 'Agent', name: 'Dana Rep', account: { homePage: site.url, name: 'rep-7' } };
    const { url, sessionId, auId, mastery } = prepareLaunch(registration, actor);
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    const notFound: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 404)
        notFound.push(new URL(r.url()).pathname + (new URL(r.url()).searchParams.get('stateId') ?? new URL(r.url()).searchParams.get('profileId') ?? ''));
    });
    await page.goto(url);
    await page.waitForSelector('#a11y[data-screen="briefing"]', { state: 'attached' });
    await playSensibly(page);
    await lmsSettled(page);
    const result = await page.evaluate(() => window.__walkaway!.result()!);
    const decisions = (await frameSnapshot(page))!.turn;
    expect(result.score.total).toBeGreaterThanOrEqual(PASS_MARK);

    for (const s of statements) expect(xapiProblems(s), JSON.stringify(s)).toEqual([]);
    expect(new Set(statements.map((s) => s['id'])).size).toBe(statements.length);
    const verbs = statements.map((s) => String(s['verb'].id).split('/').pop());
    expect(verbs).toEqual(['launched', 'initialized', ...Array<string>(decisions).fill('responded'), 'completed', 'passed', 'terminated']);

    const fromAu = statements.slice(1);
    for (const s of fromAu) {
      expect(s['actor']).toEqual(actor);
      expect(s['context'].registration).toBe(registration);
      expect(s['context'].extensions[SESSION_ID]).toBe(sessionId);
      expect(s['context'].contextActivities.grouping).toEqual(expect.arrayContaining([expect.objectContaining({ id: auId })]));
      const cmi5Defined = ['initialized', 'completed', 'passed', 'failed', 'terminated'].includes(String(String(s['verb'].id).split('/').pop()));
      const category = (s['context'].contextActivities.category ?? []) as Json[];
      // cmi5-defined statements carry the cmi5 category; the AU's own ("allowed") statements must not.
      expect(category.some((c) => c['id'] === CMI5)).toBe(cmi5Defined);
      if (cmi5Defined && s['verb'].id !== 'http://adlnet.gov/expapi/verbs/initialized') expect(s['object'].id).toBe(auId);
    }
    const passed = fromAu.find((s) => s['verb'].id.endsWith('/passed'))!;
    expect(passed['result']).toMatchObject({ success: true, score: { scaled: result.score.total / 100, raw: result.score.total, min: 0, max: 100 } });
    expect(passed['result'].score.scaled).toBeGreaterThanOrEqual(mastery);
    expect(passed['context'].extensions[MASTERY]).toBe(mastery);
    expect(fromAu.find((s) => s['verb'].id.endsWith('/completed'))!['result']).toMatchObject({ completion: true });
    expect(fromAu.at(-1)!['result'].duration).toMatch(/^PT/);
    const firstDecision = fromAu.find((s) => s['verb'].id.endsWith('/responded'))!;
    expect(Object.keys(firstDecision['result'].extensions)).toEqual(
      expect.arrayContaining(['urn:walkaway:xapi:extension:tags', 'urn:walkaway:xapi:extension:offer-value']),
    );
    // The suspend state in the State API is this game's attempt record.
    const saved = JSON.parse(state.get(`${auId}|${registration}|urn:walkaway:xapi:state:attempt`)!);
    expect(saved.moves).toHaveLength(decisions);
    expect(saved.mode).toBe('assessment');
    expect(badAuth).toEqual([]);
    // The only "not found" answers are the ones cmi5 expects on a first launch: no learner preferences
    // and no saved progress yet (the browser logs them as failed loads).
    expect(notFound.sort()).toEqual(['/xapi/activities/stateurn:walkaway:xapi:state:attempt', '/xapi/agents/profilecmi5LearnerPreferences']);
    expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    expect(errors).toHaveLength(notFound.length);
    await page.close();
  }, 180_000);

  it('closed mid-game, relaunched in the same registration: back at the same turn, and the session was terminated', async () => {
    const registration = crypto.randomUUID();
    const actor = { objectType: 'Agent', name: 'Sam Rep', account: { homePage: site.url, name: 'rep-8' } };
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(prepareLaunch(registration, actor).url);
    await page.waitForSelector('#a11y[data-screen="briefing"]', { state: 'attached' });
    await playSensibly(page, 3);
    await lmsSettled(page);
    const before = (await frameSnapshot(page))!;
    await page.goto('about:blank'); // the rep closes the window
    const sessionVerbs = () => statements.filter((s) => s['actor'].account?.name === 'rep-8').map((s) => String(s['verb'].id).split('/').pop());
    for (let i = 0; i < 50 && !sessionVerbs().includes('terminated'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(sessionVerbs()).toEqual(['launched', 'initialized', 'responded', 'responded', 'responded', 'terminated']);

    await page.goto(prepareLaunch(registration, actor).url);
    await page.waitForFunction(() => ['preparation', 'negotiation'].includes(document.getElementById('a11y')?.dataset['screen'] ?? ''));
    const after = (await frameSnapshot(page))!;
    expect({ turn: after.turn, line: after.line, choices: after.choices }).toEqual({ turn: before.turn, line: before.line, choices: before.choices });
    await page.close();
  }, 180_000);
});
