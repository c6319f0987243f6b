import { Chart, Legend, LinearScale, LineController, LineElement, PointElement, ScatterController, Tooltip } from 'chart.js';
import type { PackageTable } from '../engine/analysis/package-table.ts';

Chart.register(ScatterController, LineController, LineElement, PointElement, LinearScale, Tooltip, Legend);

export interface ValueChart {
  show(t: PackageTable): void;
}

const COLOURS = {
  package: 'rgba(169, 179, 199, 0.55)',
  neverTrade: '#e0605e',
  frontier: '#3cc6b4',
  walkAway: '#f2a65a',
  target: '#ffd166',
  text: '#d9dee8',
  grid: 'rgba(255, 255, 255, 0.08)',
};

/**
 * The two sides' values of every listed package (value to you across, to the counterpart up), the
 * frontier as a line, and the walk-away and target as vertical lines. The table beside it is the
 * accessible form of the same numbers; the canvas carries a summary label.
 */
export function createValueChart(host: HTMLElement): ValueChart {
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.dataset['testid'] = 'package-chart';
  host.append(canvas);
  let chart: Chart | null = null;
  return {
    show(t) {
      const plain = t.rows.filter((r) => !r.onFrontier && r.neverTrade.length === 0).map((r) => ({ x: r.you, y: r.them }));
      const never = t.rows.filter((r) => r.neverTrade.length > 0).map((r) => ({ x: r.you, y: r.them }));
      const frontier = [...t.frontier].sort((a, b) => a.you - b.you).map((r) => ({ x: r.you, y: r.them }));
      const vertical = (x: number) => [
        { x, y: 0 },
        { x, y: 1 },
      ];
      canvas.setAttribute(
        'aria-label',
        `Chart of ${t.rows.length} packages: value to you from ${Math.min(...t.rows.map((r) => r.you))} to ${Math.max(...t.rows.map((r) => r.you))} ${t.unit}; ` +
          `the frontier has ${t.frontier.length} packages; walk-away ${t.walkAway}, target ${t.target}.`,
      );
      const datasets = [
        {
          type: 'line' as const,
          label: 'Frontier',
          data: frontier,
          borderColor: COLOURS.frontier,
          backgroundColor: COLOURS.frontier,
          pointRadius: 3,
          borderWidth: 2,
          order: 0,
        },
        { type: 'scatter' as const, label: 'Packages', data: plain, backgroundColor: COLOURS.package, pointRadius: 2, order: 2 },
        {
          type: 'scatter' as const,
          label: 'Never-trade',
          data: never,
          backgroundColor: COLOURS.neverTrade,
          borderColor: COLOURS.neverTrade,
          pointStyle: 'crossRot' as const,
          pointRadius: 5,
          borderWidth: 2,
          order: -1,
        },
        {
          type: 'line' as const,
          label: 'Walk-away',
          data: vertical(t.walkAway),
          borderColor: COLOURS.walkAway,
          borderDash: [6, 4],
          pointRadius: 0,
          borderWidth: 2,
          order: 3,
        },
        {
          type: 'line' as const,
          label: 'Target',
          data: vertical(t.target),
          borderColor: COLOURS.target,
          borderDash: [2, 3],
          pointRadius: 0,
          borderWidth: 2,
          order: 3,
        },
      ];
      if (chart) {
        chart.data.datasets = datasets;
        const x = chart.options.scales?.['x'];
        if (x && 'title' in x && x.title) x.title.text = `Value to you (${t.unit})`;
        chart.update('none');
        return;
      }
      chart = new Chart(canvas, {
        type: 'scatter',
        data: { datasets },
        options: {
          animation: false,
          maintainAspectRatio: false,
          parsing: false,
          plugins: {
            legend: { labels: { color: COLOURS.text, boxWidth: 14 } },
            tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: you ${ctx.parsed.x}, them ${Number(ctx.parsed.y).toFixed(2)}` } },
          },
          scales: {
            x: {
              type: 'linear',
              title: { display: true, text: `Value to you (${t.unit})`, color: COLOURS.text },
              ticks: { color: COLOURS.text },
              grid: { color: COLOURS.grid },
            },
            y: {
              type: 'linear',
              min: 0,
              max: 1,
              title: { display: true, text: 'Value to them (0-1)', color: COLOURS.text },
              ticks: { color: COLOURS.text },
              grid: { color: COLOURS.grid },
            },
          },
        },
      });
    },
  };
}
