/**
 * What the shipped JavaScript is made of: `npx tsx scripts/bundle-report.ts`.
 * Builds the game once more with every npm package and every source folder in a chunk of its own (in a
 * temporary folder, not dist/), then prints each part's gzipped size and whether the page loads it at
 * start (reachable from index.html through static imports) or only on demand (a dynamic import).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'walkaway-bundle-'));

/** The chunk a module goes to: its npm package, or its folder under src/. */
function partOf(id: string): string | undefined {
  const pkg = id.match(/node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/);
  if (pkg) return `npm-${pkg[1]!.replace(/[\\/]/g, '_')}`;
  const src = id.match(/[\\/]src[\\/]((?:[^\\/]+[\\/])?[^\\/]+)/);
  return src ? `src-${src[1]!.replace(/[\\/.]/g, '_')}` : undefined;
}

try {
  const output = (await build({
    root: ROOT,
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true, write: true, rolldownOptions: { output: { manualChunks: partOf } } },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const chunks = (Array.isArray(output) ? output.flatMap((o) => o.output) : output.output).filter(
    (o): o is Rolldown.OutputChunk => o.type === 'chunk',
  );
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  // Loaded at start: the entry and everything it imports statically, transitively.
  const initial = new Set<string>();
  const visit = (file: string) => {
    if (initial.has(file)) return;
    initial.add(file);
    for (const next of byFile.get(file)?.imports ?? []) visit(next);
  };
  for (const c of chunks) if (c.isEntry) visit(c.fileName);
  const rows = chunks
    .map((c) => ({ name: c.name, kb: gzipSync(readFileSync(join(outDir, c.fileName)), { level: 9 }).length / 1024, initial: initial.has(c.fileName) }))
    .sort((a, b) => b.kb - a.kb);
  let atStart = 0;
  let onDemand = 0;
  for (const r of rows) {
    if (r.initial) atStart += r.kb;
    else onDemand += r.kb;
    console.log(`${r.kb.toFixed(1).padStart(8)} KB  ${r.initial ? 'at start ' : 'on demand'}  ${r.name}`);
  }
  console.log(`${atStart.toFixed(1).padStart(8)} KB  at start in all (gzip -9; per-part chunks add a little overhead)`);
  console.log(`${onDemand.toFixed(1).padStart(8)} KB  on demand in all`);
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
