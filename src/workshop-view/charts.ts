import { ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, Tooltip } from 'chart.js';
import { formatValue } from '../engine/format.ts';
import type { Bin, RoomStats, ValueBin } from '../server/stats.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Legend, Tooltip);
Chart.defaults.color = '#ffffff';
Chart.defaults.font.size = 20;
Chart.defaults.font.family = 'system-ui, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif';
Chart.defaults.borderColor = '#3a4760';

const ZONE_COLOURS: Record<ValueBin['zone'], string> = { 'below-walk-away': '#ff6b6b', between: '#ffb454', 'at-or-above-target': '#5fd38d' };
const OUTCOME_COLOURS = { deal: '#5fd38d', 'walked-away': '#4aa3ff', 'counterpart-walked': '#ff6b6b' };
export const OUTCOME_LABELS = { deal: 'Deal', 'walked-away': 'Rep walked away', 'counterpart-walked': 'Counterpart walked' } as const;

const axis = { ticks: { font: { size: 18 } }, grid: { color: '#27324a' } };

/** The three charts of a revealed room, drawn once and updated in place (no animation on a projector). */
export class RoomCharts {
  private readonly values: Chart<'bar'>;
  private readonly scores: Chart<'bar'>;
  private readonly outcomes: Chart<'doughnut'>;

  constructor(canvases: { values: HTMLCanvasElement; scores: HTMLCanvasElement; outcomes: HTMLCanvasElement }) {
    const common = { animation: false as const, responsive: true, maintainAspectRatio: false };
    this.values = new Chart(canvases.values, {
      type: 'bar',
      data: { labels: [], datasets: [{ label: 'Deals', data: [], backgroundColor: [] }] },
      options: {
        ...common,
        plugins: { legend: { display: false } },
        scales: { x: axis, y: { ...axis, beginAtZero: true, ticks: { precision: 0, font: { size: 18 } } } },
      },
    });
    this.scores = new Chart(canvases.scores, {
      type: 'bar',
      data: { labels: [], datasets: [{ label: 'Reps', data: [], backgroundColor: '#3cc6b4' }] },
      options: {
        ...common,
        plugins: { legend: { display: false } },
        scales: { x: axis, y: { ...axis, beginAtZero: true, ticks: { precision: 0, font: { size: 18 } } } },
      },
    });
    this.outcomes = new Chart(canvases.outcomes, {
      type: 'doughnut',
      data: {
        labels: Object.values(OUTCOME_LABELS),
        datasets: [{ data: [0, 0, 0], backgroundColor: Object.values(OUTCOME_COLOURS), borderColor: '#161d29', borderWidth: 4 }],
      },
      options: { ...common, plugins: { legend: { position: 'bottom', labels: { font: { size: 22 }, padding: 14 } } } },
    });
  }

  update(stats: RoomStats, unit: string): void {
    const v = this.values.data;
    v.labels = stats.dealValues.map((b) => `${formatValue(Math.round(b.from), unit)}–${formatValue(Math.round(b.to), unit)}`);
    v.datasets[0]!.data = stats.dealValues.map((b) => b.count);
    v.datasets[0]!.backgroundColor = stats.dealValues.map((b) => ZONE_COLOURS[b.zone]);
    this.values.update('none');
    const s = this.scores.data;
    s.labels = stats.scores.map((b: Bin) => `${b.from}–${b.to}`);
    s.datasets[0]!.data = stats.scores.map((b) => b.count);
    this.scores.update('none');
    this.outcomes.data.datasets[0]!.data = [stats.outcomes.deal, stats.outcomes['walked-away'], stats.outcomes['counterpart-walked']];
    this.outcomes.update('none');
  }

  destroy(): void {
    this.values.destroy();
    this.scores.destroy();
    this.outcomes.destroy();
  }
}
