import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { ARCHETYPE_IDS } from '../../src/engine/analysis/archetypes.ts';
import { INVARIANT_IDS, type ScenarioAudit } from '../../src/engine/analysis/audit.ts';

const root = new URL('../../', import.meta.url).pathname;

async function walkaway(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The mini fixture with weights that ignore the outcome: a scenario whose score teaches the wrong lesson. */
function outcomeBlind(): string {
  const text =
    readFileSync(join(root, 'tests/fixtures/mini.yaml'), 'utf8') +
    '\nscoring:\n  weights: { value: 0, concessions: 30, signalling: 10, discovery: 40, relationship: 0, preparation: 20 }\n';
  const dir = mkdtempSync(join(tmpdir(), 'walkaway-audit-'));
  writeFileSync(join(dir, 'outcome-blind.yaml'), text);
  return join(dir, 'outcome-blind.yaml');
}

describe('walkaway audit', () => {
  it('--json reports every archetype and every invariant for every persona, and the exit code follows the verdict', async () => {
    const r = await walkaway(['audit', join(root, 'tests/fixtures/mini.yaml'), '--seeds', '2', '--json']);
    const audit = JSON.parse(r.out) as ScenarioAudit;
    expect(audit.scenarioId).toBe('mini');
    expect(audit.seeds).toBe(2);
    expect(audit.personas.map((p) => p.personaId)).toEqual(['buyer']);
    const p = audit.personas[0]!;
    expect(p.archetypes.map((a) => a.archetype)).toEqual([...ARCHETYPE_IDS]);
    for (const a of p.archetypes) {
      // Strategies whose moves are random draws (random play, the first button of a seeded random order,
      // the one-note strategies off their note) are sampled five times as often: they are held to a rate.
      expect(a.games).toBe(['random', 'first-button', 'walker', 'holder', 'asker'].includes(a.archetype) ? 10 : 2);
      expect(a.dealRate).toBeGreaterThanOrEqual(0);
      expect(a.dealRate).toBeLessThanOrEqual(1);
      expect(a.minScore).toBeLessThanOrEqual(a.meanScore);
      expect(a.maxScore).toBeGreaterThanOrEqual(a.meanScore);
    }
    expect(p.invariants.map((i) => i.id)).toEqual([...INVARIANT_IDS]);
    expect(r.code).toBe(audit.passed ? 0 : 1);
  });

  it('fails a scenario whose score ignores how the negotiation ended, naming the numbers, and exits 1', async () => {
    const r = await walkaway(['audit', outcomeBlind(), '--seeds', '3']);
    expect(r.code).toBe(1);
    const line = r.out.split('\n').find((l) => l.includes('Deal well above the walk-away > correct walk-away'))!;
    expect(line).toMatch(/^\s+FAIL /);
    expect(line).toMatch(/deal \d+ <= walk \d+/);
    expect(r.out).toMatch(/invariant checks? FAILED/);
  });

  it('prints a table per persona with score, deal rate and value', async () => {
    const r = await walkaway(['audit', 'tutorial', '--seeds', '2']);
    expect(r.out).toMatch(/archetype\s+score\s+min-max\s+deals\s+value\s+best offer/);
    expect(r.out).toMatch(/^\s+disciplined\s+\d+\.\d\s+\d+-\d+\s+\d+%\s+/m);
    expect(r.out).toMatch(/^\s+(PASS|FAIL|N\/A) /m);
  });

  it('audits every shipped scenario in under 10 s, and every one passes', async () => {
    // Processor time, not wall time: the test runs beside others on a shared machine.
    const start = process.cpuUsage();
    const r = await walkaway(['audit', '--json']);
    const used = process.cpuUsage(start);
    const ms = (used.user + used.system) / 1000;
    const audits = JSON.parse(r.out) as ScenarioAudit[];
    expect(audits.map((a) => a.scenarioId).sort()).toEqual(['dominant-vendor', 'enterprise-deal', 'renewal', 'tutorial']);
    // Every shipped scenario teaches the right lesson against every persona: no invariant fails.
    const failed = audits.flatMap((a) =>
      a.personas.flatMap((p) => p.invariants.filter((i) => i.status === 'fail').map((i) => `${a.scenarioId}/${p.personaId} ${i.id}: ${i.detail}`)),
    );
    expect(failed).toEqual([]);
    expect(r.code).toBe(0);
    expect(ms).toBeLessThan(10_000);
  });

  it("passes on the studio's template and the guide's worked example, the two files trainers start from", async () => {
    const r = await walkaway(['audit', join(root, 'src/studio/template.yaml'), join(root, 'scenarios/examples/numbers-example.yaml')]);
    expect(r.out).not.toMatch(/FAIL/);
    expect(r.code).toBe(0);
  });

  it('refuses a bad --seeds value with a usage error', async () => {
    const r = await walkaway(['audit', 'tutorial', '--seeds', 'many']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--seeds takes a whole number/);
  });
});
