import {
  DIMENSIONS,
  type CheckAdvice,
  type CheckId,
  type KeyMoment,
  type Outcome,
  type SessionResult,
  formatValue,
  outcomeContext,
  outcomeHeadline,
} from '../../engine/index.ts';
import type { SoundId } from '../audio/sound-ids.ts';
import { SCENES, type GameApp } from '../app.ts';
import { debriefAnalysis } from '../services/debrief-analysis.ts';
import { engine } from '../services/engine-loader.ts';
import { rememberDebrief } from '../services/tab-debrief.ts';
import { drawBackdrop } from '../ui/backdrop.ts';
import { drawOfferChart, YOUR_POSITION_MEANS } from '../ui/offer-chart.ts';
import { drawPaged, type Block } from '../ui/paged-blocks.ts';
import { drawPanel } from '../ui/panel.ts';
import { addSmoothGraphics } from '../ui/smooth-graphics.ts';
import { COLORS, css, FONT, TEXT } from '../ui/theme.ts';
import { fmt } from '../ui/value-scale.ts';
import { BaseScene } from './base-scene.ts';
import { addPracticeButtons, drawPracticeNotes, mirrorPracticeNotes } from './debrief-practice.ts';

const OUTCOME_SOUND: Record<Outcome, SoundId> = {
  deal: 'outcome-deal',
  'walked-away': 'outcome-walked',
  'counterpart-walked': 'outcome-lost',
};

const GRADE_COLORS: Record<string, number> = { A: COLORS.success, B: COLORS.success, C: COLORS.warm, D: COLORS.warm, F: COLORS.danger };

/** The debrief's pages: what happened, what to work on, every move explained, every check. */
const TABS = ['summary', 'work', 'moves', 'checks'] as const;
type Tab = (typeof TABS)[number];

/** The area every tab draws in (below the tab bar, above the buttons), and the pager row inside it. */
const AREA = { x: 32, y: 186, width: 1216, height: 446 };
const PAGER_Y = AREA.y + AREA.height - 52;

const C = {
  text: css(COLORS.text),
  muted: css(COLORS.textMuted),
  warm: css(COLORS.warm),
  good: css(COLORS.success),
  bad: css(COLORS.danger),
  accent: css(COLORS.accent),
};

/**
 * The scored debrief. The header (outcome, total, grade) stays; below it four tabs, each paged so every
 * item is reachable by mouse, touch and keyboard on the canvas, and the text version lists everything.
 */
export class DebriefScene extends BaseScene {
  private tab: Tab = 'summary';
  private page = 0;
  private revisit = false;

  constructor(app: GameApp) {
    super(SCENES.debrief, app);
  }

  init(data: { tab?: Tab; page?: number }): void {
    this.revisit = data.tab !== undefined;
    this.tab = data.tab && TABS.includes(data.tab) ? data.tab : 'summary';
    this.page = data.page ?? 0;
  }

  create(): void {
    const app = this.app;
    const view = app.view();
    const session = app.requireSession();
    const r = session.result();
    if (!r) throw new Error('debrief before the end of the negotiation');
    this.enter(SCENES.debrief, `Debrief: ${view.scenarioTitle}`);
    if (!view.watching && !this.revisit) app.play(OUTCOME_SOUND[r.outcome]);
    // A reload shows this debrief again; leaving it (or re-watching an old game) forgets it.
    if (!view.watching && app.runner.recordId) rememberDebrief({ recordId: app.runner.recordId, stepId: app.runner.origin?.pathStep?.id ?? null });
    this.events.once('shutdown', () => rememberDebrief(null));
    drawBackdrop(this);

    const { moments, advice } = debriefAnalysis(session);
    const explainOf = (id: string) => session.compiled.choices.get(id)?.explain ?? null;

    // Built over three tasks, the screen drawn once all are done (see continueBuild): here the text
    // version, every control and the page's texts; the header's and the chart's canvas objects follow.
    mirrorPracticeNotes(app);
    this.mirrorEverything(r, moments, advice, explainOf);
    const failed = Object.values(r.score.dimensions).flatMap((d) => d.checks.filter((c) => !c.passed));
    const passed = Object.values(r.score.dimensions).reduce((n, d) => n + d.checks.filter((c) => c.passed).length, 0);
    this.drawTabs({
      summary: 'Summary',
      work: `What to work on (${r.antiPatterns.length + failed.length})`,
      moves: `Your moves (${r.transcript.length})`,
      checks: `Checklist (${passed}/${passed + failed.length})`,
    });

    drawPanel(this, AREA.x, AREA.y, AREA.width, AREA.height);
    if (this.tab === 'summary') this.drawSummary(r, moments);
    else if (this.tab === 'work') this.drawWork(r, failed, advice);
    else if (this.tab === 'moves') this.drawMoves(r, explainOf);
    else this.drawChecks(r);

    this.drawNext();
    this.continueBuild(() => this.drawHeader(r));
    this.settleFocus();
  }

  /** The outcome, the total and the grade (canvas only: the text version has them from mirrorEverything). */
  private drawHeader(r: SessionResult): void {
    const score = r.score;
    this.add.text(40, 16, 'DEBRIEF', { ...TEXT.label, fontSize: '16px', color: C.accent });
    // A long headline wraps onto a second line (shrinking first); the context goes below whatever it takes.
    const title = this.add.text(40, 36, outcomeHeadline(r), { ...TEXT.title, fontSize: '30px', wordWrap: { width: 440, useAdvancedWrap: true } });
    for (let size = 28; title.height > 40 && size >= 20; size -= 2) title.setFontSize(size);
    const context = outcomeContext(r) + (score.cap ? ` Capped at ${score.cap.max}: ${score.cap.reason}` : '');
    const contextText = this.add.text(42, title.y + title.height + 4, context, {
      ...TEXT.small,
      fontSize: '14px',
      wordWrap: { width: 440, useAdvancedWrap: true },
    });
    for (let size = 13; contextText.y + contextText.height > 122 && size >= 11; size--) contextText.setFontSize(size);
    drawPanel(this, 500, 20, 150, 92, COLORS.panel);
    this.add.text(575, 28, `${score.total}`, { fontFamily: FONT, fontSize: '44px', color: C.text, fontStyle: 'bold' }).setOrigin(0.5, 0);
    this.add.text(575, 82, 'out of 100', TEXT.small).setOrigin(0.5, 0);
    addSmoothGraphics(this)
      .fillStyle(GRADE_COLORS[score.grade] ?? COLORS.text, 1)
      .fillCircle(696, 66, 36);
    this.add.text(696, 66, score.grade, { fontFamily: FONT, fontSize: '40px', color: css(COLORS.backgroundDeep), fontStyle: 'bold' }).setOrigin(0.5);
    drawPracticeNotes(this, this.app, 760, 24, 488);
  }

  private drawTabs(labels: Record<Tab, string>): void {
    const group = this.app.mirror.group('Debrief pages', 'debrief-tabs');
    const widths: Record<Tab, number> = { summary: 180, work: 290, moves: 240, checks: 240 };
    let x = 32;
    for (const tab of TABS) {
      this.button({
        x,
        y: 130,
        width: widths[tab],
        height: 46,
        label: labels[tab],
        fontSize: 17,
        variant: 'card',
        align: 'center',
        selected: tab === this.tab,
        testid: `debrief-tab-${tab}`,
        mirror: { parent: group, pressed: tab === this.tab },
        onActivate: () => this.goTo(SCENES.debrief, { tab, page: 0 }),
      });
      x += widths[tab] + 10;
    }
  }

  /** Page buttons for a paged tab (only when there is more than one page). */
  private drawPager(at: { pages: number; page: number }, right: number): void {
    if (at.pages <= 1) return;
    const label = this.add
      .text(right - 250, PAGER_Y + 22, `Page ${at.page + 1} of ${at.pages}`, { fontFamily: FONT, fontSize: '15px', color: C.muted })
      .setOrigin(1, 0.5);
    this.app.mirror.text(label.text, 'debrief-page');
    this.button({
      x: right - 240,
      y: PAGER_Y,
      width: 112,
      height: 44,
      label: '‹ Previous',
      fontSize: 16,
      testid: 'debrief-page-previous',
      mirror: { disabled: at.page === 0 },
      onActivate: () => at.page > 0 && this.goTo(SCENES.debrief, { tab: this.tab, page: at.page - 1 }),
    });
    this.button({
      x: right - 120,
      y: PAGER_Y,
      width: 104,
      height: 44,
      label: 'Next ›',
      fontSize: 16,
      testid: 'debrief-page-next',
      mirror: { disabled: at.page >= at.pages - 1 },
      onActivate: () => at.page < at.pages - 1 && this.goTo(SCENES.debrief, { tab: this.tab, page: at.page + 1 }),
    });
  }

  private drawSummary(r: SessionResult, moments: KeyMoment[]): void {
    // The chart in a task of its own, before the screen is drawn (its numbers are in the text version).
    this.continueBuild(() => {
      this.add.text(52, AREA.y + 12, 'OFFERS OVER THE TURNS', TEXT.label);
      drawOfferChart(this, 52, AREA.y + 36, 660, 320, r, r.antiPatterns);
      this.add.text(52, AREA.y + 372, YOUR_POSITION_MEANS, {
        fontFamily: FONT,
        fontSize: '14px',
        color: C.muted,
        wordWrap: { width: 660, useAdvancedWrap: true },
      });
    });
    this.add.text(744, AREA.y + 12, moments.length ? 'KEY MOMENTS: THE BETTER MOVE AND WHAT IT CHANGES' : 'KEY MOMENTS', TEXT.label);
    const blocks: Block[] = moments.length
      ? [...moments]
          .sort((a, b) => a.turn - b.turn)
          .map((m) => [
            { text: `Turn ${m.turn}: you chose "${m.chosen.text}"`, color: C.muted, size: 14 },
            { text: `Better: "${m.better.text}"`, color: C.text, size: 15, bold: true },
            { text: `→ ${engine().keyMomentEffect(m, r.unit)}`, color: C.good, size: 14, indent: 16 },
          ])
      : [[{ text: 'No other move would have done clearly better: the moves you made were the strong ones here.', color: C.text }]];
    const at = drawPaged(this, blocks, { x: 744, y: AREA.y + 40, width: 480, height: PAGER_Y - AREA.y - 48 }, this.page);
    this.drawPager(at, AREA.x + AREA.width);
  }

  private drawWork(r: SessionResult, failed: { id: string; label: string }[], advice: Partial<Record<CheckId, CheckAdvice>>): void {
    const blocks: Block[] = [
      ...r.antiPatterns.map(
        (a, i): Block => [
          { text: `${i + 1}. Turn ${a.turn}: ${a.label}`, color: C.warm, bold: true, size: 16 },
          { text: a.principle, color: C.text, size: 14, indent: 22 },
        ],
      ),
      ...failed.map(
        (c): Block => [
          { text: `✗ ${c.label}`, color: C.bad, bold: true, size: 15 },
          { text: engine().checkAdviceText(advice[c.id as keyof typeof advice]), color: C.text, size: 14, indent: 22 },
        ],
      ),
    ];
    if (!blocks.length)
      blocks.push([{ text: 'Nothing to work on: every check passed and no anti-pattern was committed. Try a harder counterpart.', color: C.good, size: 17 }]);
    this.add.text(
      52,
      AREA.y + 12,
      r.antiPatterns.length ? 'WHAT TO WORK ON: ANTI-PATTERNS (NUMBERED AS ON THE CHART), THEN FAILED CHECKS' : 'WHAT TO WORK ON: FAILED CHECKS',
      TEXT.label,
    );
    const at = drawPaged(this, blocks, { x: 52, y: AREA.y + 40, width: 1176, height: PAGER_Y - AREA.y - 48, columns: 2, columnGap: 32 }, this.page);
    this.drawPager(at, AREA.x + AREA.width);
  }

  private drawMoves(r: SessionResult, explainOf: (id: string) => string | null): void {
    this.add.text(52, AREA.y + 12, 'EVERY MOVE, AND WHY IT HELPED OR HURT', TEXT.label);
    const blocks: Block[] = r.transcript.map((t): Block => {
      const flags = r.antiPatterns.filter((a) => a.turn === t.turn).map((a) => a.label);
      const explain = explainOf(t.choice.id);
      return [
        { text: `Turn ${t.turn}${t.phase === 'prep' ? ' (preparation)' : ''}: ${t.choice.text}`, color: C.text, bold: true, size: 15 },
        ...(explain ? [{ text: explain, color: C.muted, size: 14, indent: 22 }] : []),
        ...(flags.length ? [{ text: `⚠ ${flags.join('; ')}`, color: C.warm, size: 14, indent: 22 }] : []),
      ];
    });
    const at = drawPaged(this, blocks, { x: 52, y: AREA.y + 40, width: 1176, height: PAGER_Y - AREA.y - 48, columns: 2, columnGap: 32 }, this.page);
    this.drawPager(at, AREA.x + AREA.width);
  }

  private drawChecks(r: SessionResult): void {
    const blocks: Block[] = DIMENSIONS.map((d): Block => {
      const dim = r.score.dimensions[d];
      return [
        { text: `${dim.label}: ${fmt(dim.score)} / ${fmt(dim.max)}`, color: C.text, bold: true, size: 16 },
        ...dim.checks.map((c) => ({ text: `${c.passed ? '✓' : '✗'} ${c.label}`, color: c.passed ? C.good : C.bad, size: 14, indent: 12 })),
      ];
    });
    const at = drawPaged(this, blocks, { x: 52, y: AREA.y + 16, width: 1176, height: PAGER_Y - AREA.y - 24, columns: 3, columnGap: 28 }, this.page);
    this.drawPager(at, AREA.x + AREA.width);
  }

  /** The text version: everything at once, whatever tab the canvas shows. */
  private mirrorEverything(
    r: SessionResult,
    moments: KeyMoment[],
    advice: Partial<Record<CheckId, CheckAdvice>>,
    explainOf: (id: string) => string | null,
  ): void {
    const mirror = this.app.mirror;
    const title = outcomeHeadline(r);
    const context = outcomeContext(r) + (r.score.cap ? ` Capped at ${r.score.cap.max}: ${r.score.cap.reason}` : '');
    // Said once: the announcement is also the paragraph a phone reader sees first (no copy below it).
    mirror.say('', `${title}. ${context}`);
    mirror.text(`Score: ${r.score.total} out of 100`, 'debrief-total');
    mirror.text(`Grade: ${r.score.grade}`, 'debrief-grade');
    mirror.list(
      'Offers over the turns',
      [
        ...r.offers.map((o) => `Turn ${o.turn}: their offer worth ${formatValue(o.theirs, r.unit)} to you; your position ${formatValue(o.yours, r.unit)}`),
        YOUR_POSITION_MEANS,
      ],
      'debrief-offers',
    );
    mirror.list(
      'Key moments',
      moments.length
        ? moments.map((m) => ({ text: engine().keyMomentText(m, r.unit), testid: `key-moment-${m.turn}` }))
        : ['No other move would have done clearly better.'],
      'debrief-key-moments',
    );
    mirror.list(
      'Anti-patterns',
      r.antiPatterns.length ? r.antiPatterns.map((a) => ({ text: `Turn ${a.turn}: ${a.label}. ${a.principle}`, testid: `anti-pattern-${a.id}` })) : ['None'],
      'debrief-anti-patterns',
    );
    mirror.list(
      'Your moves',
      r.transcript.map((t) => {
        const explain = explainOf(t.choice.id);
        return {
          text: `Turn ${t.turn}: ${t.choice.text}${explain ? `${/[.!?]$/.test(t.choice.text) ? '' : '.'} Why: ${explain}` : ''}`,
          testid: `move-${t.turn}`,
        };
      }),
      'debrief-moves',
    );
    for (const d of DIMENSIONS) {
      const dim = r.score.dimensions[d];
      mirror.list(
        `${dim.label}: ${fmt(dim.score)} of ${fmt(dim.max)}`,
        dim.checks.map((c) => ({ text: c.passed ? `Yes: ${c.label}` : `No: ${c.label}. ${engine().checkAdviceText(advice[c.id])}`, testid: `check-${d}` })),
        `debrief-dimension-${d}`,
      );
    }
  }

  private drawNext(): void {
    const app = this.app;
    const view = app.view();
    const personaId = app.requireSession().personaId;
    const entry = app.entry!;
    const step = app.runner.origin?.pathStep ?? null;
    this.button({
      x: 32,
      y: 648,
      width: 130,
      height: 56,
      label: view.watching ? 'Play it' : 'Replay',
      variant: 'primary',
      testid: 'replay',
      onActivate: () => {
        app.startNew(entry, personaId, view.mode, step);
        this.goTo(SCENES.briefing);
      },
    });
    this.button({
      x: 170,
      y: 648,
      width: 210,
      height: 56,
      label: 'Another counterpart',
      fontSize: 17,
      testid: 'other-persona',
      onActivate: () => {
        app.catalog.select(entry, view.otherPersonaIds[0] ?? personaId);
        this.goTo(SCENES.menu);
      },
    });
    const x = addPracticeButtons(this, app, { x: 388, y: 648, height: 56 });
    const back = view.watching ? { label: 'Back', to: SCENES.progress } : step ? { label: 'Path', to: SCENES.path } : { label: 'Menu', to: SCENES.menu };
    this.button({ x, y: 648, width: 110, height: 56, label: back.label, fontSize: 17, testid: 'to-menu', onActivate: () => this.goTo(back.to) });
  }
}
