import { formatValue } from '../engine/index.ts';
import type { PackageRow, PackageTable } from '../engine/analysis/package-table.ts';
import { createValueChart, type ValueChart } from './value-chart.ts';
import { el } from './dom.ts';

/** Rows drawn at first; the rest on request, so a large table does not slow the page while typing. */
const FIRST_ROWS = 200;

/**
 * The package table panel: a summary a trainer can read (how many packages clear the walk-away, where
 * each persona's floor leaves the best deal), the chart of both sides' values with the frontier, and
 * the table of packages itself.
 */
export class PackageView {
  readonly root: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly staleNote: HTMLElement;
  private readonly floors: HTMLElement;
  private readonly tableHost: HTMLElement;
  private readonly chart: ValueChart;
  private showAll = false;
  private last: PackageTable | null = null;

  constructor(root: HTMLElement) {
    this.root = root;
    this.summary = el('p', { className: 'summary', 'data-testid': 'package-summary' });
    this.staleNote = el('p', { className: 'status stale-note', role: 'status', 'data-testid': 'package-stale' });
    this.staleNote.hidden = true;
    this.floors = el('div', { className: 'floors' });
    const chartBox = el('div', { className: 'chart-box' });
    this.chart = createValueChart(chartBox);
    this.tableHost = el('div', { className: 'table-host' });
    root.append(this.staleNote, this.summary, chartBox, this.floors, this.tableHost);
  }

  /**
   * The text no longer loads: what is drawn belongs to its last version that did, so say so (a trainer
   * mid-edit would otherwise read the old walk-away and personas as the file's).
   */
  stale(): void {
    if (!this.last) {
      this.staleNote.textContent = 'The package table appears once the file has no errors (see Problems).';
    } else {
      this.staleNote.textContent = 'The file has errors (see Problems): below is the last version that loaded, greyed until the errors are fixed.';
      this.root.classList.add('stale');
    }
    this.staleNote.hidden = false;
  }

  show(t: PackageTable, ms: number): void {
    this.last = t;
    this.staleNote.hidden = true;
    this.root.classList.remove('stale');
    const unit = t.unit;
    const v = (x: number) => formatValue(x, unit);
    this.summary.textContent =
      `${t.combinations.toLocaleString('en')} packages${t.sampled ? ` (showing a sample of ${t.rows.length.toLocaleString('en')}, the frontier in full)` : ''}. ` +
      `Walk-away ${v(t.walkAway)}, target ${v(t.target)}: ${t.counts.belowWalkAway.toLocaleString('en')} packages fall below the walk-away, ` +
      `${t.counts.atTarget.toLocaleString('en')} reach the target, ${t.counts.neverTrade.toLocaleString('en')} sign a never-trade option. ` +
      `${t.frontier.length} on the frontier (no package is better for both sides). Computed in ${Math.round(ms)} ms.`;
    this.floors.replaceChildren(
      el('h3', {}, 'Where each counterpart stops'),
      el(
        'ul',
        {},
        ...t.personas.map((p) =>
          el(
            'li',
            {},
            `${p.name}: floor ${pct(p.floorAtStart)} of its range at the start, best deal it accepts ${p.bestAtStart === undefined ? 'none' : v(p.bestAtStart)}; ` +
              `if it fully believes your alternative, floor ${pct(p.floorAtBest)}, best deal ${p.bestAtBest === undefined ? 'none' : v(p.bestAtBest)}` +
              (p.bestAtBest !== undefined && p.bestAtBest < t.walkAway ? ' (below your walk-away: no deal should be signed)' : ''),
          ),
        ),
      ),
    );
    this.chart.show(t);
    this.renderTable();
  }

  private renderTable(): void {
    const t = this.last;
    if (!t) return;
    const rows = this.showAll ? t.rows : t.rows.slice(0, FIRST_ROWS);
    const head = el(
      'tr',
      {},
      ...t.issues.map((i) => el('th', { scope: 'col' }, i.label)),
      el('th', { scope: 'col' }, `You (${t.unit})`),
      el('th', { scope: 'col' }, 'Them (0-1)'),
      el('th', { scope: 'col' }, 'Marks'),
    );
    const labels = new Map(t.issues.map((i) => [i.id, new Map(i.options.map((o) => [o.id, o.label]))]));
    const body = el('tbody', {}, ...rows.map((r) => rowOf(t, r, labels)));
    const table = el(
      'table',
      { className: 'packages', 'data-testid': 'package-table' },
      el('caption', {}, `Packages, best for you first${t.sampled ? ' (sample)' : ''}`),
      el('thead', {}, head),
      body,
    );
    const more =
      !this.showAll && t.rows.length > FIRST_ROWS
        ? el(
            'button',
            {
              type: 'button',
              onclick: () => {
                this.showAll = true;
                this.renderTable();
              },
            },
            `Show all ${t.rows.length.toLocaleString('en')} rows`,
          )
        : null;
    this.tableHost.replaceChildren(table, ...(more ? [more] : []));
  }
}

function rowOf(t: PackageTable, r: PackageRow, labels: Map<string, Map<string, string>>): HTMLElement {
  const marks: string[] = [];
  if (r.onFrontier) marks.push('frontier');
  if (r.you >= t.target) marks.push('target');
  else if (r.you < t.walkAway) marks.push('below walk-away');
  if (r.neverTrade.length) marks.push(`never-trade (${r.neverTrade.join(', ')})`);
  const cls = [r.you < t.walkAway ? 'below' : r.you >= t.target ? 'target' : '', r.neverTrade.length ? 'never-trade' : '', r.onFrontier ? 'frontier' : '']
    .filter(Boolean)
    .join(' ');
  return el(
    'tr',
    { className: cls },
    ...t.issues.map((i) => el('td', {}, labels.get(i.id)?.get(r.terms[i.id]!) ?? r.terms[i.id]!)),
    el('td', { className: 'num' }, String(r.you)),
    el('td', { className: 'num' }, r.them.toFixed(2)),
    el('td', {}, marks.join(', ')),
  );
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
