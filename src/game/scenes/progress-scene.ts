import { SCENES, type GameApp } from '../app.ts';
import { screenBuilt } from '../render-on-change.ts';
import { createRecordInput, downloadRecord, pickRecordFile } from '../storage/record-file-io.ts';
import { drawBackdrop } from '../ui/backdrop.ts';
import { drawDimensionChart } from '../ui/dimension-chart.ts';
import { clampLines } from '../ui/fit-text.ts';
import { drawPanel } from '../ui/panel.ts';
import { addColumn, addText } from '../ui/text-metrics.ts';
import { COLORS, css, FONT, TEXT } from '../ui/theme.ts';
import { BaseScene } from './base-scene.ts';

const TREND_WORDS = { improving: 'improving', steady: 'steady', slipping: 'slipping', new: 'new' } as const;

/** One formatter for every date on the screen: `toLocaleDateString` builds a new one per call (about 0.2 ms). */
let dayFormat: Intl.DateTimeFormat | null = null;

/** "20 Nov" (dates as a rep reads them, in the page's language). */
function day(iso: string): string {
  dayFormat ??= new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
  return dayFormat.format(new Date(iso));
}

/**
 * The rep's progress: first / best / last per scenario and counterpart, each dimension over time, the
 * habits that cost them most with their trend, and what to practise next. Past games open again (by
 * replay) from here; the whole record exports and imports as one file.
 */
export class ProgressScene extends BaseScene {
  /** Counts the builds of this screen, so a draw left over from an earlier one does nothing. */
  private builds = 0;
  private chartPending = false;

  constructor(app: GameApp) {
    super(SCENES.progress, app);
  }

  /** Settled once the chart is drawn too (tests and measurements look at the whole screen). */
  override get settled(): boolean {
    return super.settled && !this.chartPending;
  }

  /**
   * Runs `draw` once the screen's first frame is on the page and the browser has a moment (the screen
   * is usable from that frame on), then draws the frame again with what it added. The first frame is
   * the first one that draws this scene: the step that builds a screen may leave its drawing to the next.
   */
  private afterFirstFrame(draw: () => void): void {
    const build = ++this.builds;
    const run = () => {
      if (build !== this.builds || !this.sys.isActive()) return;
      draw();
      screenBuilt(this);
    };
    const drawing = () => {
      if (!this.sys.settings.visible) return;
      this.game.events.off('prerender', drawing);
      this.game.events.once('postrender', () => {
        if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(run, { timeout: 200 });
        else window.setTimeout(run, 0);
      });
    };
    this.game.events.on('prerender', drawing);
    this.events.once('shutdown', () => this.game.events.off('prerender', drawing));
  }

  create(): void {
    const app = this.app;
    performance.mark('walkaway:progress-open');
    this.enter(SCENES.progress, 'Walkaway: your progress');
    drawBackdrop(this);
    const { summary, names, suggestion, unscored } = app.practice.progress();
    addText(this, 32, 22, 'Your progress', TEXT.title);
    // Games kept without a score this version made (an update, an import) count once replayed here.
    const waiting = unscored ? ` (${unscored} more not counted until scored on this device)` : '';
    const headline = summary.games
      ? `${summary.games} negotiation${summary.games === 1 ? '' : 's'} from ${day(summary.firstPlayed!)} to ${day(summary.lastPlayed!)}${waiting}`
      : unscored
        ? `${unscored} negotiation${unscored === 1 ? '' : 's'} kept, not counted until scored on this device.`
        : 'No finished negotiations yet: play one and it shows here.';
    addText(this, 34, 72, headline, TEXT.small);
    app.mirror.text(headline, 'progress-headline');
    const nav = app.mirror.group('Go to', 'progress-nav');
    this.button({
      x: 860,
      y: 24,
      width: 180,
      height: 48,
      label: 'Learning path',
      fontSize: 17,
      testid: 'to-path',
      mirror: { parent: nav },
      withoutEngine: true,
      onActivate: () => this.goTo(SCENES.path),
    });
    this.button({
      x: 1052,
      y: 24,
      width: 196,
      height: 48,
      label: 'All scenarios',
      fontSize: 17,
      testid: 'to-menu',
      mirror: { parent: nav },
      withoutEngine: true,
      onActivate: () => this.goTo(SCENES.menu),
    });

    // First, best and last per scenario and counterpart.
    drawPanel(this, 32, 100, 600, 312);
    addText(this, 52, 112, 'SCORES BY COUNTERPART', TEXT.label);
    addText(this, 380, 112, 'FIRST', TEXT.label);
    addText(this, 460, 112, 'BEST', TEXT.label);
    addText(this, 540, 112, 'LAST', TEXT.label);
    const rows = summary.perGame.slice(0, 6);
    // A group of buttons only when there are some: a heading over nothing is noise read aloud.
    const scoresGroup = rows.length ? app.mirror.group('Scores by counterpart (re-watch the last game)', 'progress-games') : undefined;
    rows.forEach((g, i) => {
      const n = names(g.scenarioId, g.personaId);
      const y = 136 + i * 42;
      this.button({
        x: 44,
        y,
        width: 324,
        height: 38,
        // The count beside the name: a long scenario title below may be cut ("…"), the count never.
        label: `${n.persona} · ${g.games} game${g.games === 1 ? '' : 's'}`,
        detail: n.scenario,
        fontSize: 14,
        variant: 'card',
        testid: `progress-row-${g.scenarioId}-${g.personaId}`,
        mirror: {
          parent: scoresGroup,
          description: `${n.scenario}, ${n.persona}: first ${g.first.total} on ${day(g.first.playedAt)}, best ${g.best.total} on ${day(g.best.playedAt)}, last ${g.last.total} on ${day(g.last.playedAt)}; ${g.games} game${g.games === 1 ? '' : 's'}`,
        },
        onActivate: () => {
          if (app.watch(g.last.entryId)) this.goTo(SCENES.debrief);
        },
      });
    });
    // Scores and dates, a column each (one texture per column, not per cell).
    for (const [col, pick] of rows.length === 0
      ? []
      : ([
          [380, (g: (typeof rows)[number]) => g.first],
          [460, (g: (typeof rows)[number]) => g.best],
          [540, (g: (typeof rows)[number]) => g.last],
        ] as const)) {
      const points = rows.map(pick);
      addColumn(
        this,
        col,
        138,
        points.map((p) => String(p.total)),
        42,
        { fontFamily: FONT, fontSize: '15px', color: css(col === 460 ? COLORS.accent : COLORS.text), fontStyle: 'bold' },
      );
      addColumn(
        this,
        col,
        157,
        points.map((p) => day(p.playedAt)),
        42,
        { fontFamily: FONT, fontSize: '11px', color: css(COLORS.textMuted) },
      );
    }
    if (summary.perGame.length > rows.length)
      addText(this, 52, 394, `…and ${summary.perGame.length - rows.length} more in the text version.`, { ...TEXT.small, fontSize: '12px' });
    if (!rows.length) addText(this, 52, 138, 'Nothing yet.', TEXT.small);
    // With no game scored there is nothing to list: said once, not as an empty list.
    const nothingYet = ['Nothing yet'];
    app.mirror.list(
      'First, best and last score',
      summary.perGame.length === 0
        ? nothingYet
        : summary.perGame.map((g) => {
            const n = names(g.scenarioId, g.personaId);
            return {
              text: `${n.scenario}, ${n.persona}: first ${g.first.total} (${day(g.first.playedAt)}), best ${g.best.total} (${day(g.best.playedAt)}), last ${g.last.total} (${day(g.last.playedAt)})`,
              testid: `progress-game-${g.scenarioId}-${g.personaId}`,
            };
          }),
      'progress-scores',
    );

    // Each dimension over time.
    drawPanel(this, 652, 100, 596, 312);
    addText(this, 672, 112, 'EACH PART OF YOUR GAME OVER TIME', TEXT.label);
    // Drawn just after the screen's first frame: its lines and legend are a fifth of what that frame
    // would upload and draw, and the numbers are in the text version at once.
    this.chartPending = summary.games > 0;
    if (this.chartPending) {
      this.afterFirstFrame(() => {
        drawDimensionChart(this, 672, 138, 556, 262, summary.dimensions);
        this.chartPending = false;
      });
    } else addText(this, 672, 138, 'Nothing yet.', TEXT.small);
    // Each dimension's share comes from scored games: with none, no "0% lately" for a part never played.
    app.mirror.list(
      'Each dimension (share of its maximum)',
      summary.games === 0
        ? nothingYet
        : summary.dimensions.map((d) => ({
            text: `${d.label}: ${Math.round(d.recent)}% lately, ${TREND_WORDS[d.trend]}${d.change ? ` (${d.change > 0 ? '+' : ''}${Math.round(d.change)} points)` : ''}`,
            testid: `progress-dimension-${d.dimension}`,
          })),
      'progress-dimensions',
    );

    // Habits.
    drawPanel(this, 32, 428, 600, 206);
    addText(this, 52, 440, 'HABITS THAT COST YOU MOST', TEXT.label);
    const habits = summary.antiPatterns.slice(0, 4);
    habits.forEach((a, i) => {
      const y = 466 + i * 40;
      const trendColor = a.trend === 'improving' ? COLORS.success : a.trend === 'slipping' ? COLORS.danger : COLORS.textMuted;
      addText(this, 52, y, a.label, { fontFamily: FONT, fontSize: '15px', color: css(COLORS.warm), fontStyle: 'bold' });
      addText(
        this,
        52,
        y + 19,
        `in ${a.games} of ${summary.games} games · lately ${Math.round(a.recentRate * 100)}% of games, before ${Math.round(a.earlierRate * 100)}%`,
        { fontFamily: FONT, fontSize: '12px', color: css(COLORS.textMuted) },
      );
      addText(this, 612, y + 8, TREND_WORDS[a.trend], { fontFamily: FONT, fontSize: '14px', color: css(trendColor), fontStyle: 'bold' }).setOrigin(1, 0);
    });
    if (!habits.length) addText(this, 52, 466, summary.games ? 'None so far. Keep it that way.' : 'Nothing yet.', TEXT.small);
    app.mirror.list(
      'Habits that cost you most',
      summary.antiPatterns.length
        ? summary.antiPatterns.map((a) => ({
            text: `${a.label}: in ${a.games} of ${summary.games} games; ${TREND_WORDS[a.trend]}. ${a.principle}`,
            testid: `progress-habit-${a.id}`,
          }))
        : summary.games
          ? ['None so far']
          : nothingYet,
      'progress-habits',
    );

    // What next.
    drawPanel(this, 652, 428, 596, 206, COLORS.panelLight);
    addText(this, 672, 440, 'PRACTISE THIS NEXT', { ...TEXT.label, color: css(COLORS.accent) });
    if (suggestion) {
      const title = addText(this, 672, 464, `${suggestion.personaName} in "${suggestion.scenarioTitle}"`, {
        fontFamily: FONT,
        fontSize: '18px',
        color: css(COLORS.text),
        fontStyle: 'bold',
        wordWrap: { width: 556, useAdvancedWrap: true },
      });
      clampLines(title, 2);
      const reason = addText(this, 672, title.y + title.height + 8, suggestion.reason, {
        fontFamily: FONT,
        fontSize: '14px',
        color: css(COLORS.text),
        wordWrap: { width: 556, useAdvancedWrap: true },
        lineSpacing: 3,
      });
      clampLines(reason, 3);
      app.mirror.text(`Practise this next: ${suggestion.personaName} in "${suggestion.scenarioTitle}". ${suggestion.reason}`, 'progress-suggestion');
      this.button({
        x: 672,
        y: 574,
        width: 200,
        height: 46,
        label: 'Play it',
        variant: 'primary',
        fontSize: 18,
        testid: 'play-suggestion',
        onActivate: () => {
          const entry = app.catalog.byScenarioId(suggestion.scenarioId);
          if (!entry) return;
          app.startNew(entry, suggestion.personaId, 'practice');
          this.goTo(SCENES.briefing);
        },
      });
    } else {
      addText(this, 672, 464, 'Play a game or two and a suggestion appears here. New? Start with the learning path.', {
        ...TEXT.small,
        wordWrap: { width: 556 },
      });
    }

    // Past games and the record as a file.
    const recent = [...app.practice.entries].slice(-20).reverse();
    const watchGroup = recent.length ? app.mirror.group('Re-watch a past game', 'progress-recent') : undefined;
    for (const e of recent) {
      const n = names(e.attempt.scenarioId, e.attempt.personaId);
      app.mirror.button(
        `${day(e.playedAt)}: ${n.scenario}, ${n.persona}, ${e.summary.total} (${e.attempt.mode})`,
        `watch-${e.id}`,
        this.onceLoaded(() => {
          if (app.watch(e.id)) this.goTo(SCENES.debrief);
        }),
        { parent: watchGroup },
      );
    }
    const last = recent[0];
    if (last) {
      this.button({
        x: 32,
        y: 648,
        width: 260,
        height: 52,
        label: 'Re-watch your last game',
        fontSize: 17,
        testid: 'rewatch-last',
        onActivate: () => app.watch(last.id) && this.goTo(SCENES.debrief),
      });
    }
    this.button({
      x: 904,
      y: 648,
      width: 166,
      height: 52,
      label: 'Export record',
      fontSize: 17,
      testid: 'export-record',
      onActivate: () => downloadRecord(app.practice.exportFile()),
    });
    const importFile = (text: string, name: string) => void app.practice.importFile(text, name);
    this.button({
      x: 1082,
      y: 648,
      width: 166,
      height: 52,
      label: 'Import record…',
      fontSize: 17,
      testid: 'import-record-button',
      onActivate: () => pickRecordFile(importFile),
    });
    app.mirror.control(createRecordInput(importFile));
    addText(
      this,
      310,
      664,
      `Kept on this device (${app.storageKind === 'indexeddb' ? 'browser database' : app.storageKind === 'local' ? 'small browser store' : 'this page only'}).`,
      { ...TEXT.small, fontSize: '13px' },
    );

    const off = app.practice.onChange(() => this.redraw());
    // Drawn before the engine may have loaded: games on an uploaded scenario get its title once it is read.
    const offCatalog = app.onCatalogChange(() => this.redraw());
    this.events.once('shutdown', () => {
      off();
      offCatalog();
    });
    this.settleFocus();
    performance.measure('walkaway:progress-ready', 'walkaway:progress-open');
  }
}
