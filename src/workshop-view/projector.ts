import { ANTI_PATTERNS, formatValue } from '../engine/index.ts';
import type { RepPath, RoomView } from '../server/rooms.ts';
import { OUTCOME_LABELS, RoomCharts } from './charts.ts';
import { el } from './dom.ts';

/**
 * The facilitator's projector view of one room: who has joined and how far each rep is, and once the
 * facilitator reveals it, the room's results. Live: the server pushes a fresh view (server-sent events)
 * whenever the room changes, from whichever server process the change happened on.
 */
export function startProjector(root: HTMLElement, code: string, secret: string): void {
  const api = (path: string) => `/api/rooms/${code}${path}`;
  const secretQuery = `secret=${encodeURIComponent(secret)}`;

  // ---- The page's fixed frame ----
  const title = el('h1', { text: 'Loading the room…', testid: 'room-title' });
  const sub = el('div', { cls: 'sub', testid: 'room-sub' });
  const state = el('div', { cls: 'state', testid: 'room-state' });
  state.hidden = true;
  const codeBig = el('div', { cls: 'code', text: code, testid: 'room-code' });
  const joinUrl = el('div', { cls: 'url', testid: 'join-url' });
  const qr = el('img', { cls: 'qr', attrs: { alt: `QR code of the join link for room ${code}`, src: api('/qr.svg') } });
  const header = el(
    'header',
    { cls: 'header' },
    el('div', {}, title, sub),
    el('div', { cls: 'join' }, el('div', { text: 'Join at this address with the code' }), codeBig, joinUrl),
    qr,
  );

  const counts = el('div', { cls: 'counts', testid: 'counts' });
  const problem = el('p', { cls: 'error', testid: 'problem', attrs: { role: 'alert' } });
  problem.hidden = true;

  // Facilitator controls.
  const buttons = {
    reveal: el('button', { testid: 'reveal' }),
    names: el('button', { testid: 'hide-names' }),
    lock: el('button', { testid: 'lock' }),
    end: el('button', { testid: 'end', cls: 'danger', text: 'End the room' }),
  };
  const pickA = el('select', { testid: 'compare-a', attrs: { 'aria-label': 'First rep to compare' } });
  const pickB = el('select', { testid: 'compare-b', attrs: { 'aria-label': 'Second rep to compare' } });
  const compareBtn = el('button', { text: 'Compare', testid: 'compare' });
  const csv = el('a', { text: 'Export CSV', testid: 'export-csv', attrs: { href: `${api('/export.csv')}?${secretQuery}`, download: `walkaway-${code}.csv` } });
  const json = el('a', {
    text: 'Export JSON',
    testid: 'export-json',
    attrs: { href: `${api('/export.json')}?${secretQuery}`, download: `walkaway-${code}.json` },
  });
  const controls = el(
    'nav',
    { cls: 'controls', attrs: { 'aria-label': 'Facilitator controls' } },
    buttons.reveal,
    buttons.names,
    buttons.lock,
    buttons.end,
    el('label', { text: 'Compare' }),
    pickA,
    pickB,
    compareBtn,
    csv,
    json,
  );

  const flags = el('section', { cls: 'panel flags', testid: 'flags' }, el('h2', { text: 'Rejected results' }));
  const flagList = el('ul');
  flags.append(flagList);
  flags.hidden = true;

  // Results (after reveal).
  const canvases = {
    values: el('canvas', { attrs: { role: 'img', 'aria-label': 'Deal values' } }),
    scores: el('canvas', { attrs: { role: 'img', 'aria-label': 'Scores' } }),
    outcomes: el('canvas', { attrs: { role: 'img', 'aria-label': 'Outcomes' } }),
  };
  const valueNote = el('p', { cls: 'note', testid: 'value-note' });
  const scoreNote = el('p', { cls: 'note', testid: 'score-note' });
  const outcomeNote = el('p', { cls: 'note', testid: 'outcome-note' });
  const patterns = el('ol', { cls: 'patterns', testid: 'anti-patterns' });
  const best = el('div', { testid: 'best-path' });
  const worst = el('div', { testid: 'worst-path' });
  const compareA = el('div', { testid: 'compare-left' });
  const compareB = el('div', { testid: 'compare-right' });
  const results = el(
    'section',
    { testid: 'results' },
    el(
      'div',
      { cls: 'grid three' },
      el('div', { cls: 'panel' }, el('h2', { text: 'Deal values' }), el('div', { cls: 'chart' }, canvases.values), valueNote),
      el('div', { cls: 'panel' }, el('h2', { text: 'Scores' }), el('div', { cls: 'chart' }, canvases.scores), scoreNote),
      el('div', { cls: 'panel' }, el('h2', { text: 'Outcomes' }), el('div', { cls: 'chart' }, canvases.outcomes), outcomeNote),
    ),
    el(
      'div',
      { cls: 'grid three', attrs: { style: 'margin-top: 20px' } },
      el('div', { cls: 'panel' }, el('h2', { text: 'Most common mistakes' }), patterns),
      el('div', { cls: 'panel' }, el('h2', { text: 'Best path in the room' }), best),
      el('div', { cls: 'panel' }, el('h2', { text: 'Worst path in the room' }), worst),
    ),
  );
  results.hidden = true;
  const compare = el(
    'section',
    { testid: 'comparison' },
    el('div', { cls: 'grid two' }, el('div', { cls: 'panel' }, compareA), el('div', { cls: 'panel' }, compareB)),
  );
  compare.hidden = true;

  const repList = el('ul', { cls: 'reps', testid: 'reps' });
  const lobby = el('section', {}, el('h2', { text: 'The room' }), repList);
  root.replaceChildren(header, counts, problem, controls, flags, results, compare, lobby);

  let charts: RoomCharts | null = null;
  let view: RoomView | null = null;
  /** Views shown so far, from the live stream and from answers to the facilitator's actions. */
  let shown = 0;
  let actionsUnderWay = 0;

  // Views come from two places that are not ordered with each other: the live stream (in order, and
  // always once more after the room's last change) and the answer to an action. An answer read before a
  // change the stream has since shown (a rep's result flagged while the action was under way) would
  // paint over it, and no later view would come to put it back. So an answer is shown only when no view
  // arrived while it was awaited; otherwise the stream's next view, which follows the action, shows it.
  const act = async (body: object) => {
    const asked = shown;
    controls.setAttribute('aria-busy', String(++actionsUnderWay > 0));
    try {
      const res = await fetch(api('/actions'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-room-secret': secret },
        body: JSON.stringify(body),
      });
      const data = (await res.json()) as RoomView | { error: string };
      if ('error' in data) showProblem(data.error);
      else if (shown === asked) render(data);
    } finally {
      controls.setAttribute('aria-busy', String(--actionsUnderWay > 0));
    }
  };
  buttons.reveal.addEventListener('click', () => void act({ action: view?.revealed ? 'conceal' : 'reveal' }));
  buttons.names.addEventListener('click', () => void act({ action: view?.hideNames ? 'show-names' : 'hide-names' }));
  buttons.lock.addEventListener('click', () => void act({ action: view?.locked ? 'unlock' : 'lock' }));
  buttons.end.addEventListener('click', () => {
    if (confirm('End the room? Reps can no longer play; the results stay.')) void act({ action: 'end' });
  });
  compareBtn.addEventListener('click', () => void act({ action: 'compare', a: pickA.value || null, b: pickB.value || null }));

  function showProblem(message: string | null): void {
    problem.hidden = message === null;
    problem.textContent = message ?? '';
  }

  function render(v: RoomView): void {
    view = v;
    shown++;
    showProblem(null);
    document.title = `${v.code} · ${v.title} · Walkaway workshop`;
    title.textContent = v.title;
    sub.textContent = `Counterpart: ${v.personaLabel} · mode: ${v.mode}`;
    joinUrl.textContent = v.joinUrl.replace(/\?room=.*$/, '');
    state.hidden = !v.locked && !v.ended;
    state.textContent = v.ended ? 'Room ended' : 'Locked: no new joins';
    if (!header.contains(state)) header.firstElementChild!.append(state);

    const finished = v.reps.filter((r) => r.over).length;
    counts.replaceChildren(
      el('div', { testid: 'count-joined' }, el('b', { text: String(v.reps.length) }), el('span', { text: 'joined' })),
      el('div', { testid: 'count-playing' }, el('b', { text: String(v.reps.length - finished) }), el('span', { text: 'playing' })),
      el('div', { testid: 'count-finished' }, el('b', { text: String(finished) }), el('span', { text: 'finished' })),
    );

    buttons.reveal.textContent = v.revealed ? 'Hide results' : 'Reveal results';
    buttons.reveal.setAttribute('aria-pressed', String(v.revealed));
    buttons.names.textContent = v.hideNames ? 'Show names' : 'Hide names';
    buttons.names.setAttribute('aria-pressed', String(v.hideNames));
    buttons.lock.textContent = v.locked ? 'Unlock' : 'Lock the room';
    buttons.lock.setAttribute('aria-pressed', String(v.locked));
    buttons.end.disabled = v.ended;
    for (const [pick, chosen] of [
      [pickA, v.compare.a?.repId],
      [pickB, v.compare.b?.repId],
    ] as const) {
      const current = pick.value || chosen || '';
      pick.replaceChildren(
        el('option', { text: '(nobody)', attrs: { value: '' } }),
        ...v.reps.map((r) => el('option', { text: r.name, attrs: { value: r.id } })),
      );
      pick.value = v.reps.some((r) => r.id === current) ? current : '';
    }

    flags.hidden = v.flags.length === 0;
    flagList.replaceChildren(...v.flags.map((f) => el('li', { text: `${f.name}: ${f.message}` })));

    repList.replaceChildren(
      ...v.reps.map((r) =>
        el(
          'li',
          { testid: 'rep', attrs: { 'data-state': r.over ? 'finished' : 'playing', 'data-flagged': String(r.flagged) } },
          el('span', { cls: 'name', text: r.name }),
          el('span', { cls: 'progress', text: progressText(v, r) }),
        ),
      ),
    );

    results.hidden = !v.revealed || !v.stats;
    if (v.revealed && v.stats) {
      charts ??= new RoomCharts(canvases);
      charts.update(v.stats, v.unit);
      const s = v.stats;
      valueNote.textContent =
        s.walkAwayValue === null
          ? 'No finished games yet.'
          : `Walk-away ${formatValue(s.walkAwayValue, v.unit)} · target ${formatValue(s.target ?? 0, v.unit)} · red: below the walk-away, amber: between, green: at the target or above`;
      scoreNote.textContent = s.medianScore === null ? 'No scores yet.' : `Median score ${s.medianScore} of 100 (${s.finished} finished)`;
      outcomeNote.textContent = `${s.outcomes.deal} deals · ${s.outcomes['walked-away']} walked away · ${s.outcomes['counterpart-walked']} lost the counterpart`;
      patterns.replaceChildren(
        ...(s.antiPatterns.length
          ? s.antiPatterns.map((p) =>
              el(
                'li',
                { attrs: { title: ANTI_PATTERNS[p.id]?.principle ?? '' } },
                el('span', { text: `${p.label}: ${p.reps} of ${s.finished} reps, ` }),
                el('span', { cls: 'turn', text: `around turn ${p.typicalTurn}` }),
              ),
            )
          : [el('li', { text: 'None so far.' })]),
      );
      best.replaceChildren(pathView(v.best, v.unit));
      worst.replaceChildren(pathView(v.worst, v.unit));
    }
    compare.hidden = !v.compare.a && !v.compare.b;
    compareA.replaceChildren(transcriptView(v.compare.a, v.unit));
    compareB.replaceChildren(transcriptView(v.compare.b, v.unit));
  }

  // Live updates; EventSource reconnects by itself after a network blip or a server restart.
  const events = new EventSource(`${api('/events')}?${secretQuery}`);
  events.addEventListener('view', (e) => render(JSON.parse((e as MessageEvent<string>).data) as RoomView));
  events.addEventListener('problem', (e) => showProblem((JSON.parse((e as MessageEvent<string>).data) as { error: string }).error));
  events.addEventListener('error', () => {
    if (events.readyState === EventSource.CONNECTING) showProblem('Lost the connection to the workshop server; reconnecting…');
  });
  // A wrong secret or code: the stream is refused, so ask once to get the server's sentence.
  void fetch(api('/view'), { headers: { 'x-room-secret': secret } }).then(async (res) => {
    if (!res.ok) {
      events.close();
      showProblem(((await res.json()) as { error: string }).error);
    }
  });
}

function progressText(v: RoomView, r: RoomView['reps'][number]): string {
  if (!r.over) return `playing · turn ${r.turn + 1}`;
  if (!v.revealed || !r.summary) return `finished · ${r.turn} turns`;
  return `${OUTCOME_LABELS[r.summary.outcome]} · ${r.summary.score} (${r.summary.grade})`;
}

function summaryLine(p: RepPath, unit: string): string {
  const s = p.summary;
  if (!s) return `${p.name} · still playing`;
  const what = s.outcome === 'deal' ? `deal at ${formatValue(s.value, unit)}` : OUTCOME_LABELS[s.outcome].toLowerCase();
  return `${p.name} · ${what} · score ${s.score} (${s.grade})`;
}

function pathView(p: RepPath | null, unit: string): HTMLElement {
  if (!p) return el('p', { text: 'Nobody has finished yet.' });
  return el('div', {}, el('p', { cls: 'score', text: summaryLine(p, unit) }), el('ol', { cls: 'path' }, ...p.steps.map((s) => el('li', { text: s.choice }))));
}

function transcriptView(p: RepPath | null, unit: string): HTMLElement {
  if (!p) return el('p', { text: 'Pick a rep to compare.' });
  return el(
    'div',
    { cls: 'transcript' },
    el('h2', { text: summaryLine(p, unit) }),
    ...p.steps.flatMap((s) => [
      el('p', {}, el('span', { cls: 'who', text: `${s.turn}. ${s.speaker}: ` }), el('span', { text: s.line })),
      el('p', { cls: 'you', text: `→ ${s.choice}` }),
    ]),
  );
}
