import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A small static web server on 127.0.0.1 for trying packages in the test LMS page: the page at /lms/,
 * scorm-again's browser build at /scorm-again/, and an unzipped package at /course/ (mounted later).
 * Routes added to `routes` are tried first (the browser tests add a loopback LRS there).
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));

export type Route = (req: IncomingMessage, res: ServerResponse, body: string) => boolean;

export interface TestSite {
  url: string;
  server: Server;
  routes: Route[];
  /** URL prefix -> folder. */
  mounts: Map<string, string>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.json': 'application/json',
};

export async function startTestSite(port = 0): Promise<TestSite> {
  const routes: Route[] = [];
  const mounts = new Map<string, string>([
    ['/lms/', join(ROOT, 'tests/browser/fixtures/lms/')],
    ['/scorm-again/', join(ROOT, 'node_modules/scorm-again/dist/')],
  ]);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      try {
        for (const route of routes) if (route(req, res, body)) return;
      } catch (e) {
        res.writeHead(500).end(String(e));
        return;
      }
      void serveStatic(mounts, req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the test site has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    server,
    routes,
    mounts,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function serveStatic(mounts: Map<string, string>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  for (const [prefix, dir] of mounts) {
    if (!path.startsWith(prefix)) continue;
    const rel = normalize(path.slice(prefix.length) || 'index.html');
    if (rel.startsWith('..')) break;
    try {
      const data = await readFile(join(dir, rel));
      res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(data);
      return;
    } catch {
      break;
    }
  }
  res.writeHead(404).end('not found');
}
