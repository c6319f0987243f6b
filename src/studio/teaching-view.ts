import { formatValue } from '../engine/index.ts';
import { ARCHETYPES } from '../engine/analysis/archetypes.ts';
import type { ScenarioAudit } from '../engine/analysis/audit.ts';
import type { AuditState, DeepResult } from './audit-client.ts';
import { el } from './dom.ts';

/**
 * The teaching table: `walkaway audit` for the text in the editor, per persona: each strategy
 * archetype's mean score, range, deal rate, value and best offer, then every teaching invariant with
 * PASS, FAIL or N/A and the numbers behind it.
 */
export class TeachingView {
  readonly root: HTMLElement;
  private readonly status: HTMLElement;
  private readonly body: HTMLElement;
  private readonly deep: HTMLElement;

  constructor(root: HTMLElement) {
    this.root = root;
    this.status = el('p', { className: 'status', role: 'status', 'data-testid': 'teaching-status' });
    this.deep = el('section', { className: 'deep', 'data-testid': 'deep-warnings', 'aria-live': 'polite' });
    this.body = el('div', { 'data-testid': 'teaching-table' });
    root.append(this.status, this.deep, this.body);
  }

  state(s: AuditState): void {
    // The deep checks follow a finished audit: the table stays "done" while they report (data-deep).
    if (s.kind !== 'deep') this.root.dataset['state'] = s.kind;
    switch (s.kind) {
      case 'idle':
        this.status.textContent = this.body.childElementCount
          ? 'The file has errors (see Problems): the table below is for the last version that loaded, and runs again once they are fixed.'
          : 'The teaching table runs once the file has no errors (see Problems).';
        this.body.classList.add('stale');
        return;
      case 'waiting':
        this.status.textContent = 'Waiting for a pause in typing…';
        this.body.classList.add('stale');
        return;
      case 'running':
        this.status.textContent = 'Playing every strategy against every counterpart…';
        this.body.classList.add('stale');
        return;
      case 'deep':
        this.showDeep(s.reply);
        return;
      case 'done':
        this.body.classList.remove('stale');
        this.deep.replaceChildren();
        if (!s.reply.ok) {
          this.status.textContent = `The audit could not run: ${s.reply.message}`;
          this.body.replaceChildren();
          return;
        }
        this.show(s.reply.audit, s.reply.ms, s.reply.valueUnit);
        this.deep.replaceChildren(el('p', { className: 'note' }, 'Exploring every path for the deep checks (walkaway check --deep)…'));
        this.root.dataset['deep'] = 'running';
    }
  }

  /** What `walkaway check --deep` adds: personas against whom signing never pays or walking is never right. */
  private showDeep(reply: DeepResult): void {
    this.root.dataset['deep'] = 'done';
    if ('deepMessage' in reply) {
      this.deep.replaceChildren(el('p', { className: 'note' }, `The deep checks could not run: ${reply.deepMessage}`));
      return;
    }
    const heading = el(
      'h3',
      {},
      reply.deep.length ? `Deep checks: ${reply.deep.length} warning${reply.deep.length === 1 ? '' : 's'}` : 'Deep checks: no warnings',
    );
    this.deep.replaceChildren(
      heading,
      ...(reply.deep.length
        ? [
            el(
              'ul',
              { className: 'deep-list' },
              ...reply.deep.map((p) => el('li', { className: 'warning' }, el('span', { className: 'where' }, `line ${p.line}:${p.col}`), ' ', p.message)),
            ),
          ]
        : [
            el(
              'p',
              { className: 'note' },
              `Every path explored in ${(reply.ms / 1000).toFixed(1)} s: each persona lets a rep sign a deal worth having and can put the walk-away to the test.`,
            ),
          ]),
    );
  }

  private show(a: ScenarioAudit, ms: number, unit: string): void {
    const failed = a.personas.reduce((n, p) => n + p.invariants.filter((i) => i.status === 'fail').length, 0);
    this.status.textContent = failed
      ? `${failed} teaching check${failed === 1 ? '' : 's'} FAILED (${a.games.toLocaleString('en')} games, ${a.seeds} seeds, ${(ms / 1000).toFixed(1)} s)`
      : `Every teaching check holds (${a.games.toLocaleString('en')} games, ${a.seeds} seeds, ${(ms / 1000).toFixed(1)} s)`;
    this.root.dataset['passed'] = String(a.passed);
    this.body.replaceChildren(
      el(
        'p',
        { className: 'note' },
        `Value is what the outcome is worth to you: the deal, or your walk-away (${formatValue(a.walkAway, unit)}) without one. Target ${formatValue(a.target, unit)}${unit === a.unit ? '' : ` (values in points: ${a.unit} for money, the other issues on the same scale, as the game shows them)`}. * marks a strategy a negotiator knows is bad.`,
      ),
      ...a.personas.map((p) =>
        el(
          'section',
          { className: 'persona', 'data-persona': p.personaId },
          el('h3', {}, `${p.personaName} (${p.personaId})`),
          el(
            'table',
            { className: 'archetypes' },
            el('caption', {}, `Strategies against ${p.personaName}`),
            el('thead', {}, el('tr', {}, ...['Strategy', 'Score', 'Min-max', 'Deals', 'Value', 'Best offer'].map((h) => el('th', { scope: 'col' }, h)))),
            el(
              'tbody',
              {},
              ...p.archetypes.map((s) =>
                el(
                  'tr',
                  {},
                  el('th', { scope: 'row' }, `${s.archetype}${ARCHETYPES.find((x) => x.id === s.archetype)?.bad ? '*' : ''}`),
                  el('td', { className: 'num' }, s.meanScore.toFixed(1)),
                  el('td', { className: 'num' }, `${s.minScore}-${s.maxScore}`),
                  el('td', { className: 'num' }, `${Math.round(s.dealRate * 100)}%`),
                  el('td', { className: 'num' }, s.meanValue.toFixed(1)),
                  el('td', { className: 'num' }, s.meanBestOffer.toFixed(1)),
                ),
              ),
            ),
          ),
          el(
            'ul',
            { className: 'invariants' },
            ...p.invariants.map((i) =>
              el(
                'li',
                { className: `inv ${i.status === 'n/a' ? 'na' : i.status}`, 'data-invariant': i.id },
                el('strong', {}, i.status.toUpperCase()),
                ` ${i.label}: `,
                el('span', { className: 'detail' }, i.detail),
              ),
            ),
          ),
        ),
      ),
    );
  }
}
