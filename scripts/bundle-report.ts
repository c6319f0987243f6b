/**
 * What the game's JavaScript is made of: `npm run bundle-report`.
 * Builds the game as shipped (same chunks as `npm run build`, into a temporary folder, not dist/), then
 * prints each chunk of the game page with its gzipped size, whether the page loads it at start (the
 * entry and what it imports statically, transitively) or on demand (dynamic imports), and the parts
 * it is made of: npm packages, source folders and scenario files, by their share of the chunk's code.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'walkaway-bundle-'));
const TOP_PARTS = 8;

/** The part a module belongs to: its npm package, its folder under src/ (two levels), or its file. */
function partOf(id: string): string {
  const pkg = id.match(/node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/);
  if (pkg) return pkg[1]!;
  const path = relative(ROOT, id.replace(/^\0/, '').split('?')[0]!);
  const src = path.match(/^src[\\/][^\\/]+[\\/][^\\/]+/);
  return src ? src[0] : path;
}

const kb = (n: number) => `${(n / 1024).toFixed(1).padStart(7)} KB`;

try {
  const output = (await build({ root: ROOT, logLevel: 'silent', build: { outDir, emptyOutDir: true } })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const chunks = (Array.isArray(output) ? output.flatMap((o) => o.output) : output.output).filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const entry = chunks.find((c) => c.isEntry && c.facadeModuleId?.endsWith('index.html'));
  if (!entry) throw new Error('no chunk for index.html');
  const reach = (from: string[], follow: (c: Rolldown.OutputChunk) => string[]) => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const next of follow(byFile.get(file)!)) visit(next);
    };
    for (const f of from) visit(f);
    return seen;
  };
  const atStart = reach([entry.fileName], (c) => c.imports);
  // Everything the game page may load: what it imports statically and dynamically, transitively.
  const game = reach([entry.fileName], (c) => [...c.imports, ...c.dynamicImports]);
  let startTotal = 0;
  let laterTotal = 0;
  const rows = [...game]
    .map((file) => byFile.get(file)!)
    .map((c) => ({ c, gz: gzipSync(readFileSync(join(outDir, c.fileName)), { level: 9 }).length }))
    .sort((a, b) => Number(atStart.has(b.c.fileName)) - Number(atStart.has(a.c.fileName)) || b.gz - a.gz);
  for (const { c, gz } of rows) {
    const initial = atStart.has(c.fileName);
    if (initial) startTotal += gz;
    else laterTotal += gz;
    console.log(`${kb(gz)}  ${initial ? 'at start ' : 'on demand'}  ${c.fileName}`);
    const parts = new Map<string, number>();
    let rendered = 0;
    for (const [id, m] of Object.entries(c.modules)) {
      parts.set(partOf(id), (parts.get(partOf(id)) ?? 0) + m.renderedLength);
      rendered += m.renderedLength;
    }
    for (const [part, length] of [...parts].sort((a, b) => b[1] - a[1]).slice(0, TOP_PARTS)) {
      if (rendered) console.log(`             ${kb((gz * length) / rendered)}  ${part}`);
    }
  }
  console.log(`${kb(startTotal)}  at start in all (gzip -9; the part sizes are shares of their chunk's gzipped size)`);
  console.log(`${kb(laterTotal)}  on demand in all`);
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
