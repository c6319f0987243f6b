import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packageTable } from '../../src/engine/analysis/package-table.ts';
import { loadScenario } from '../../src/engine/index.ts';
import { valueChartDatasets } from '../../src/studio/value-chart-data.ts';

const template = loadScenario(readFileSync(new URL('../../src/studio/template.yaml', import.meta.url), 'utf8'), 'my-deal.yaml');

describe('value chart datasets', () => {
  const t = packageTable(template);
  const sets = valueChartDatasets(t);
  const byLabel = (label: string) => sets.find((s) => s.label === label)!;
  const key = (p: { x: number; y: number }) => `${p.x}/${p.y}`;

  it('marks every never-trade package with a red cross, those on the frontier too', () => {
    const neverOnFrontier = t.rows.filter((r) => r.onFrontier && r.neverTrade.length > 0);
    // The template has never-trade packages on its frontier: the case a trainer saw drawn wrong.
    expect(neverOnFrontier.length).toBeGreaterThan(0);
    const crosses = byLabel('Never-trade');
    expect(crosses.pointStyle).toBe('crossRot');
    expect(crosses.data.map(key).sort()).toEqual(
      t.rows
        .filter((r) => r.neverTrade.length > 0)
        .map((r) => key({ x: r.you, y: r.them }))
        .sort(),
    );
    // Drawn last (Chart.js draws the highest order first), so nothing covers a cross.
    expect(Math.min(...sets.map((s) => s.order))).toBe(crosses.order);
    expect(sets.filter((s) => s.order === crosses.order)).toHaveLength(1);
  });

  it('draws no frontier dot under a never-trade cross, and a dot at every other frontier package', () => {
    const frontier = byLabel('Frontier');
    const never = new Set(t.rows.filter((r) => r.neverTrade.length > 0).map((r) => key({ x: r.you, y: r.them })));
    const radii = frontier.pointRadius as number[];
    expect(radii).toHaveLength(frontier.data.length);
    frontier.data.forEach((p, i) => expect([key(p), radii[i]]).toEqual([key(p), never.has(key(p)) ? 0 : 3]));
    // The line itself still runs through every frontier package, in order of value to you.
    expect(frontier.data).toHaveLength(t.frontier.length);
    expect(frontier.data.map((p) => p.x)).toEqual([...frontier.data.map((p) => p.x)].sort((a, b) => a - b));
  });

  it('leaves plain packages grey dots: neither frontier nor never-trade', () => {
    const plain = byLabel('Packages');
    expect(plain.data).toHaveLength(t.rows.filter((r) => !r.onFrontier && r.neverTrade.length === 0).length);
    expect(plain.pointStyle).toBeUndefined();
  });
});
