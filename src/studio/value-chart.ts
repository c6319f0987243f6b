import { Chart, Legend, LinearScale, LineController, LineElement, PointElement, ScatterController, Tooltip } from 'chart.js';
import type { PackageTable } from '../engine/analysis/package-table.ts';
import { CHART_COLOURS, valueChartDatasets } from './value-chart-data.ts';

Chart.register(ScatterController, LineController, LineElement, PointElement, LinearScale, Tooltip, Legend);

export interface ValueChart {
  show(t: PackageTable): void;
}

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
      canvas.setAttribute(
        'aria-label',
        `Chart of ${t.rows.length} packages: value to you from ${Math.min(...t.rows.map((r) => r.you))} to ${Math.max(...t.rows.map((r) => r.you))} ${t.unit}; ` +
          `the frontier has ${t.frontier.length} packages; walk-away ${t.walkAway}, target ${t.target}.`,
      );
      const datasets = valueChartDatasets(t);
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
            legend: { labels: { color: CHART_COLOURS.text, boxWidth: 14 } },
            tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: you ${ctx.parsed.x}, them ${Number(ctx.parsed.y).toFixed(2)}` } },
          },
          scales: {
            x: {
              type: 'linear',
              title: { display: true, text: `Value to you (${t.unit})`, color: CHART_COLOURS.text },
              ticks: { color: CHART_COLOURS.text },
              grid: { color: CHART_COLOURS.grid },
            },
            y: {
              type: 'linear',
              min: 0,
              max: 1,
              title: { display: true, text: 'Value to them (0-1)', color: CHART_COLOURS.text },
              ticks: { color: CHART_COLOURS.text },
              grid: { color: CHART_COLOURS.grid },
            },
          },
        },
      });
    },
  };
}
