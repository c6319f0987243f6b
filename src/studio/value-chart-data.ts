import type { PackageTable } from '../engine/analysis/package-table.ts';

export const CHART_COLOURS = {
  package: 'rgba(169, 179, 199, 0.55)',
  neverTrade: '#e0605e',
  frontier: '#3cc6b4',
  walkAway: '#f2a65a',
  target: '#ffd166',
  text: '#d9dee8',
  grid: 'rgba(255, 255, 255, 0.08)',
};

const FRONTIER_POINT = 3;

/**
 * The chart's datasets for a package table, without a canvas (so they can be checked on their own).
 * Every never-trade package is a red cross, on the frontier or not. A frontier package that is
 * never-trade gets no frontier dot: a teal dot under the thin cross blends, at one device pixel per CSS
 * pixel, into a grey square that reads as neither. The line still runs through it.
 */
export function valueChartDatasets(t: PackageTable) {
  const point = (r: { you: number; them: number }) => ({ x: r.you, y: r.them });
  const plain = t.rows.filter((r) => !r.onFrontier && r.neverTrade.length === 0).map(point);
  const never = t.rows.filter((r) => r.neverTrade.length > 0).map(point);
  const frontierRows = [...t.frontier].sort((a, b) => a.you - b.you);
  const frontierRadius = frontierRows.map((r) => (r.neverTrade.length > 0 ? 0 : FRONTIER_POINT));
  const vertical = (x: number) => [
    { x, y: 0 },
    { x, y: 1 },
  ];
  // Chart.js draws a higher `order` first: the never-trade crosses (lowest) go on top of everything.
  return [
    {
      type: 'line' as const,
      label: 'Frontier',
      data: frontierRows.map(point),
      borderColor: CHART_COLOURS.frontier,
      backgroundColor: CHART_COLOURS.frontier,
      pointRadius: frontierRadius,
      pointHoverRadius: frontierRadius.map((r) => r && r + 1),
      borderWidth: 2,
      order: 0,
    },
    { type: 'scatter' as const, label: 'Packages', data: plain, backgroundColor: CHART_COLOURS.package, pointRadius: 2, order: 2 },
    {
      type: 'scatter' as const,
      label: 'Never-trade',
      data: never,
      backgroundColor: CHART_COLOURS.neverTrade,
      borderColor: CHART_COLOURS.neverTrade,
      pointStyle: 'crossRot' as const,
      pointRadius: 5,
      borderWidth: 2,
      order: -1,
    },
    {
      type: 'line' as const,
      label: 'Walk-away',
      data: vertical(t.walkAway),
      borderColor: CHART_COLOURS.walkAway,
      borderDash: [6, 4],
      pointRadius: 0,
      borderWidth: 2,
      order: 3,
    },
    {
      type: 'line' as const,
      label: 'Target',
      data: vertical(t.target),
      borderColor: CHART_COLOURS.target,
      borderDash: [2, 3],
      pointRadius: 0,
      borderWidth: 2,
      order: 3,
    },
  ];
}
