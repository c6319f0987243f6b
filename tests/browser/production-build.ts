import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { preview, type PreviewServer } from 'vite';
import { ROOT } from './harness.ts';

/**
 * One production build shared by every browser test that needs the built game (CSP, offline, axe,
 * soak): built once per content of the sources, in node_modules/.cache, whichever test file asks first;
 * test files running in parallel wait for that one build instead of building their own.
 */
const CACHE = join(ROOT, 'node_modules', '.cache', 'walkaway-production');
const INPUTS = ['index.html', 'workshop.html', 'studio.html', 'vite.config.ts', 'package-lock.json', 'src', 'scenarios', 'assets', 'scripts/vite'];

function filesUnder(path: string): string[] {
  const full = join(ROOT, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

/** A hash of everything the build reads: a changed source gets a fresh build, an unchanged one reuses it. */
function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(filesUnder)) hash.update(file).update(readFileSync(join(ROOT, file)));
  return hash.digest('hex').slice(0, 16);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds the game (or reuses the build of the same sources) and returns its folder. */
export async function productionBuild(): Promise<string> {
  const outDir = join(CACHE, sourceHash());
  const done = join(outDir, '.complete');
  const lock = `${outDir}.lock`;
  mkdirSync(CACHE, { recursive: true });
  for (let waited = 0; !existsSync(done); waited += 250) {
    try {
      mkdirSync(lock);
    } catch {
      // Another test file is building these sources: wait for it (or take over a lock left by a crash).
      if (waited > 180_000 || Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
      await sleep(250);
      continue;
    }
    try {
      // Builds of other sources are removed once nobody can still be serving them (a test run is shorter).
      for (const old of readdirSync(CACHE)) {
        const path = join(CACHE, old);
        if (path !== outDir && path !== lock && Date.now() - statSync(path).mtimeMs > 30 * 60_000) rmSync(path, { recursive: true, force: true });
      }
      // In a child process: the test runner sets NODE_ENV=test, and a build inside it would not be a
      // production build (import.meta.env.PROD false, development Workbox).
      const { NODE_ENV: _, VITEST: __, ...env } = process.env;
      await promisify(execFile)(
        process.execPath,
        [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'],
        {
          cwd: ROOT,
          env: { ...env, NODE_ENV: 'production' },
        },
      );
      writeFileSync(done, new Date().toISOString());
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return outDir;
}

export interface Served {
  url: string;
  server: PreviewServer;
  close(): Promise<void>;
}

/** Serves a built folder with `vite preview` (and so with the project's security headers) on 127.0.0.1. */
export async function servePreview(outDir: string, port = 0): Promise<Served> {
  const server = await preview({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir },
    preview: { port, host: '127.0.0.1', strictPort: port !== 0 },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    server,
    close: () => new Promise<void>((resolve) => server.httpServer.close(() => resolve())),
  };
}
