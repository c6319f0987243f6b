import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, type Scenario } from '../../../src/engine/index.ts';
import { packageTable } from '../../../src/engine/analysis/package-table.ts';

const root = new URL('../../../', import.meta.url);
const shipped = (id: string): Scenario => loadScenario(readFileSync(new URL(`scenarios/${id}.yaml`, root), 'utf8'), `${id}.yaml`);

/** A scenario with `issues` issues of `options` options each, values that trade off across issues. */
function withIssues(issues: number, options: number): Scenario {
  const base = shipped('enterprise-deal');
  return {
    ...base,
    issues: Array.from({ length: issues }, (_, i) => ({
      id: `issue-${i}`,
      label: `Issue ${i}`,
      options: Array.from({ length: options }, (_, j) => ({
        id: `o${j}`,
        label: `Option ${j}`,
        // Issues differ in how much each side cares, so trades across them create value.
        you: ((j * (i + 1)) % 7) + j,
        them: (options - 1 - j) * (issues - i),
        ...(i === 0 && j === options - 1 ? { flags: ['never-trade' as const] } : {}),
      })),
    })),
  };
}

describe('packageTable', () => {
  it('lists every package of the enterprise deal with its value to each side, as the options add up', () => {
    const s = shipped('enterprise-deal');
    const t = packageTable(s);
    const expected = s.issues.reduce((n, i) => n * i.options.length, 1);
    expect(t.combinations).toBe(expected);
    expect(t.sampled).toBe(false);
    expect(t.rows).toHaveLength(expected);
    for (const r of t.rows) {
      const you = s.issues.reduce((a, i) => a + i.options.find((o) => o.id === r.terms[i.id])!.you, 0);
      const points = s.issues.reduce((a, i) => a + i.options.find((o) => o.id === r.terms[i.id])!.them, 0);
      expect(r.you).toBeCloseTo(you, 6);
      expect(r.themPoints).toBeCloseTo(points, 6);
      expect(r.them).toBeGreaterThanOrEqual(0);
      expect(r.them).toBeLessThanOrEqual(1);
    }
    // Best for the rep first.
    for (let i = 1; i < t.rows.length; i++) expect(t.rows[i - 1]!.you).toBeGreaterThanOrEqual(t.rows[i]!.you);
    expect(t.walkAway).toBe(s.walkAway);
    expect(t.target).toBe(s.target);
    const below = t.rows.filter((r) => r.you < s.walkAway).length;
    expect(t.counts.belowWalkAway).toBe(below);
    expect(t.counts.atTarget).toBe(t.rows.filter((r) => r.you >= s.target).length);
  });

  it('marks never-trade packages and keeps the frontier undominated', () => {
    const s = withIssues(4, 3);
    const t = packageTable(s);
    const nt = t.rows.filter((r) => r.terms['issue-0'] === 'o2');
    expect(nt.length).toBe(27);
    for (const r of nt) expect(r.neverTrade).toEqual(['issue-0']);
    expect(t.rows.filter((r) => r.neverTrade.length === 0)).toHaveLength(81 - 27);
    expect(t.counts.neverTrade).toBe(27);
    expect(t.frontier.length).toBeGreaterThan(1);
    for (const f of t.frontier) {
      expect(f.onFrontier).toBe(true);
      const dominated = t.rows.some((r) => r.you > f.you + 1e-9 && r.them > f.them + 1e-9);
      expect(dominated).toBe(false);
    }
    // Every package off the frontier is beaten (or matched) by one on it for both sides.
    for (const r of t.rows.filter((x) => !x.onFrontier)) {
      expect(t.frontier.some((f) => f.you >= r.you - 1e-9 && f.them >= r.them - 1e-9)).toBe(true);
    }
    expect(t.rows.filter((r) => r.onFrontier)).toHaveLength(t.frontier.length);
  });

  it('gives each persona its floor and the best deal it still accepts; a stronger belief lowers the floor', () => {
    const s = shipped('renewal');
    const t = packageTable(s);
    expect(t.personas.map((p) => p.personaId)).toEqual(s.personas.map((p) => p.id));
    for (const p of t.personas) {
      expect(p.floorAtBest).toBeLessThanOrEqual(p.floorAtStart);
      expect(p.bestAtBest!).toBeGreaterThanOrEqual(p.bestAtStart!);
    }
  });

  it('samples a space too large to list, keeps the whole frontier, and counts over every package', () => {
    const s = withIssues(7, 5);
    const t = packageTable(s, { limit: 500, seed: 3 });
    expect(t.combinations).toBe(5 ** 7);
    expect(t.sampled).toBe(true);
    expect(t.rows.length).toBeGreaterThanOrEqual(500);
    expect(t.rows.length).toBeLessThanOrEqual(500 + t.frontier.length);
    const keys = new Set(t.rows.map((r) => JSON.stringify(r.terms)));
    expect(keys.size).toBe(t.rows.length);
    for (const f of t.frontier) expect(keys.has(JSON.stringify(f.terms))).toBe(true);
    // One never-trade option of five on one issue: a fifth of all packages.
    expect(t.counts.neverTrade).toBe(5 ** 6);
    // The same seed gives the same sample; another seed another.
    expect(packageTable(s, { limit: 500, seed: 3 }).rows).toEqual(t.rows);
    expect(packageTable(s, { limit: 500, seed: 4 }).rows).not.toEqual(t.rows);
  });

  it('lists all 4,096 packages of 6 issues of 4 options (its speed is in walkaway bench)', () => {
    const t = packageTable(withIssues(6, 4));
    expect(t.rows).toHaveLength(4096);
    expect(t.sampled).toBe(false);
  });
});
