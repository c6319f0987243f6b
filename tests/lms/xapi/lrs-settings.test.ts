import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  basicAuth,
  clearLrsSettings,
  loadLrsSettings,
  lrsConfigOf,
  lrsSettingsProblem,
  LrsSettingsSchema,
  storeLrsSettings,
  testLrsConnection,
} from '../../../src/lms/xapi/lrs-settings.ts';

/** A Storage in memory, as localStorage behaves. */
function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, String(v)),
  };
}

const good = { endpoint: 'https://lrs.example.com/xapi', key: 'walkaway', secret: 's3cret' };

describe('LRS settings', () => {
  it('accept https anywhere and plain http only on 127.0.0.1; the endpoint gets its closing slash', () => {
    expect(LrsSettingsSchema.parse(good).endpoint).toBe('https://lrs.example.com/xapi/');
    expect(LrsSettingsSchema.parse({ ...good, endpoint: 'http://127.0.0.1:8080/xapi/' }).endpoint).toBe('http://127.0.0.1:8080/xapi/');
    expect(lrsSettingsProblem({ ...good, endpoint: 'http://lrs.example.com/xapi/' })).toEqual({
      field: 'endpoint',
      message: expect.stringMatching(/must start with https:\/\//),
    });
    expect(lrsSettingsProblem({ ...good, endpoint: 'http://localhost:8080/xapi/' })?.field).toBe('endpoint');
    expect(lrsSettingsProblem({ ...good, endpoint: 'ftp://127.0.0.1/xapi/' })?.field).toBe('endpoint');
    expect(lrsSettingsProblem({ ...good, endpoint: 'lrs.example.com' })).toEqual({ field: 'endpoint', message: expect.stringMatching(/not a web address/) });
    expect(lrsSettingsProblem({ ...good, endpoint: '  ' })?.message).toMatch(/Enter the address/);
  });

  it('need a key without a colon and a secret', () => {
    expect(lrsSettingsProblem({ ...good, key: ' ' })).toEqual({ field: 'key', message: expect.stringMatching(/Enter the key/) });
    expect(lrsSettingsProblem({ ...good, key: 'a:b' })).toEqual({ field: 'key', message: expect.stringMatching(/colon/) });
    expect(lrsSettingsProblem({ ...good, secret: '' })).toEqual({ field: 'secret', message: expect.stringMatching(/Enter the secret/) });
    expect(lrsSettingsProblem(good)).toBeNull();
  });

  it('make HTTP Basic credentials, UTF-8 included', () => {
    expect(basicAuth('walkaway', 's3cret')).toBe(`Basic ${Buffer.from('walkaway:s3cret').toString('base64')}`);
    expect(basicAuth('zoë', 'pässwörd')).toBe(`Basic ${Buffer.from('zoë:pässwörd', 'utf8').toString('base64')}`);
    expect(lrsConfigOf(LrsSettingsSchema.parse(good))).toEqual({ endpoint: 'https://lrs.example.com/xapi/', auth: basicAuth('walkaway', 's3cret') });
  });

  it('are saved on the device, read back, and cleared; unreadable saved settings count as none', () => {
    const storage = memoryStorage();
    expect(loadLrsSettings(storage)).toBeNull();
    expect(storeLrsSettings(LrsSettingsSchema.parse(good), storage)).toBe(true);
    expect(loadLrsSettings(storage)).toEqual({ ...good, endpoint: 'https://lrs.example.com/xapi/' });
    clearLrsSettings(storage);
    expect(loadLrsSettings(storage)).toBeNull();
    storage.setItem('walkaway.lrs', '{"endpoint":"http://evil.example.com/","key":"k","secret":"s"}');
    expect(loadLrsSettings(storage)).toBeNull();
    storage.setItem('walkaway.lrs', 'not json');
    expect(loadLrsSettings(storage)).toBeNull();
  });
});

describe('testing the connection against a loopback LRS', () => {
  let server: Server;
  let base = '';
  const seen: { path: string; headers: IncomingHttpHeaders }[] = [];
  const AUTH = basicAuth('walkaway', 's3cret');

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ path: req.url ?? '', headers: req.headers });
      if (req.url === '/xapi/about') {
        if (req.headers['authorization'] !== AUTH) return void res.writeHead(401).end();
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ version: ['1.0.3', '1.0.0'] }));
      }
      if (req.url === '/not-an-lrs/about') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>hello</html>');
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    base = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const settings = (endpoint: string, secret = 's3cret') => LrsSettingsSchema.parse({ endpoint, key: 'walkaway', secret });

  it('asks the About resource with the credentials and the xAPI version header, and reports the versions', async () => {
    expect(await testLrsConnection(settings(`${base}/xapi`))).toEqual({ ok: true, versions: ['1.0.3', '1.0.0'] });
    const request = seen.at(-1)!;
    expect(request.path).toBe('/xapi/about');
    expect(request.headers['authorization']).toBe(AUTH);
    expect(request.headers['x-experience-api-version']).toBe('1.0.3');
  });

  it('says plainly what is wrong: refused credentials, a wrong address, not an LRS, nothing listening', async () => {
    expect(await testLrsConnection(settings(`${base}/xapi/`, 'wrong'))).toEqual({
      ok: false,
      message: expect.stringMatching(/refused the key and secret \(HTTP 401\)/),
    });
    expect(await testLrsConnection(settings(`${base}/elsewhere/`))).toEqual({ ok: false, message: expect.stringMatching(/answered HTTP 404/) });
    expect(await testLrsConnection(settings(`${base}/not-an-lrs/`))).toEqual({
      ok: false,
      message: expect.stringMatching(/not as an xAPI learning record store/),
    });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await testLrsConnection(settings(`http://127.0.0.1:${port}/xapi/`))).toEqual({ ok: false, message: expect.stringMatching(/could not be reached/) });
  });
});
