/**
 * The fuzz bench: `npm run fuzz -- [count] [seed]` (default 10,000 files, seed 1).
 * Generates scenario files (tests/fuzz/scenario-files.ts: shipped scenarios mutated, renumbered within
 * the schema, or damaged as text), loads each with the engine's loader and plays every accepted one from
 * every persona with a generated choice sequence. Prints throughput and every distinct broken rule with
 * one example file (written to a temporary folder); exits 1 if any rule broke.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadOrRefuse, playEveryPersona } from '../tests/fuzz/properties.ts';
import { anyScenarioFile } from '../tests/fuzz/scenario-files.ts';

const count = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? 1);
const cases = fc.sample(fc.tuple(anyScenarioFile, fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 1_000_000 })), {
  numRuns: count,
  seed,
});

const failures = new Map<string, { count: number; example: string }>();
let accepted = 0;
let games = 0;
const started = performance.now();
for (const [{ name, text }, picks, gameSeed] of cases) {
  try {
    const scenario = loadOrRefuse(name, text);
    if (!scenario) continue;
    accepted++;
    games += playEveryPersona(scenario, picks, gameSeed).length;
  } catch (e) {
    const key = ((e as Error).message ?? String(e)).split('\n')[0]!.replace(/\d+/g, 'N').slice(0, 160);
    const seen = failures.get(key);
    if (seen) seen.count++;
    else failures.set(key, { count: 1, example: text });
  }
}
const seconds = (performance.now() - started) / 1000;

console.log(
  `fuzz-files ${count}   (seed ${seed}; ${accepted} accepted, ${count - accepted - [...failures.values()].reduce((s, f) => s + f.count, 0)} refused with a proper ScenarioError)`,
);
console.log(`fuzz-games ${games}   (every persona of every accepted file, to a result)`);
console.log(`fuzz-files-per-second ${Math.round(count / seconds)}   (${seconds.toFixed(1)} s)`);
if (failures.size === 0) {
  console.log('fuzz-broken-rules 0');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'walkaway-fuzz-'));
  console.log(`fuzz-broken-rules ${failures.size}   (examples in ${dir})`);
  [...failures.entries()].forEach(([key, f], i) => {
    const path = join(dir, `example-${i + 1}.yaml`);
    writeFileSync(path, f.example);
    console.log(`  ${f.count} x ${key}\n      ${path}`);
  });
  process.exitCode = 1;
}
