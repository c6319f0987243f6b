import { DIMENSIONS, type Outcome, formatValue, keyMoments, keyMomentEffect, keyMomentText, outcomeContext, outcomeHeadline } from '../../engine/index.ts';
import type { SoundId } from '../audio/sound-ids.ts';
import { SCENES, type GameApp } from '../app.ts';
import { drawBackdrop } from '../ui/backdrop.ts';
import { drawOfferChart } from '../ui/offer-chart.ts';
import { fitText } from '../ui/fit-text.ts';
import { drawPanel } from '../ui/panel.ts';
import { COLORS, css, FONT, TEXT } from '../ui/theme.ts';
import { fmt } from '../ui/value-scale.ts';
import { rememberDebrief } from '../services/tab-debrief.ts';
import { BaseScene } from './base-scene.ts';
import { addPracticeButtons, drawPracticeNotes } from './debrief-practice.ts';

const OUTCOME_SOUND: Record<Outcome, SoundId> = {
  deal: 'outcome-deal',
  'walked-away': 'outcome-walked',
  'counterpart-walked': 'outcome-lost',
};

/** Shortens a quoted choice to fit one line of the key-moments panel. */
const clip = (text: string, n: number) => (text.length <= n ? text : `${text.slice(0, n - 1).trimEnd()}…`);

const GRADE_COLORS: Record<string, number> = { A: COLORS.success, B: COLORS.success, C: COLORS.warm, D: COLORS.warm, F: COLORS.danger };

/** The scored debrief: outcome, total and grade, every dimension's checks, the offers, the key moments, the anti-patterns. */
export class DebriefScene extends BaseScene {
  constructor(app: GameApp) {
    super(SCENES.debrief, app);
  }

  create(): void {
    const app = this.app;
    const view = app.view();
    const session = app.requireSession();
    const r = session.result();
    if (!r) throw new Error('debrief before the end of the negotiation');
    const score = r.score;
    this.enter(SCENES.debrief, `Debrief: ${view.scenarioTitle}`);
    if (!view.watching) app.play(OUTCOME_SOUND[r.outcome]);
    // A reload shows this debrief again; leaving it (or re-watching an old game) forgets it.
    if (!view.watching) rememberDebrief(app.runner.recordId);
    this.events.once('shutdown', () => rememberDebrief(null));
    drawBackdrop(this);

    // Outcome and total.
    const title = outcomeHeadline(r);
    this.add.text(40, 22, 'DEBRIEF', { ...TEXT.label, fontSize: '16px', color: css(COLORS.accent) });
    const titleText = fitText(this.add.text(40, 40, title, { ...TEXT.title, fontSize: '32px' }), 450, 18);
    const context = outcomeContext(r) + (score.cap ? ` Capped at ${score.cap.max}: ${score.cap.reason}` : '');
    // Between the title and the offers panel, whatever the length of the scenario's unit.
    const contextTop = titleText.y + titleText.height + 2;
    const contextText = this.add.text(42, contextTop, context, { ...TEXT.small, fontSize: '13px', wordWrap: { width: 450, useAdvancedWrap: true } });
    for (let size = 12; contextTop + contextText.height > 124 && size >= 10; size--) contextText.setFontSize(size);
    app.mirror.say('', `${title}. ${context}`);
    app.mirror.text(title, 'debrief-outcome');
    app.mirror.text(context);

    drawPanel(this, 500, 20, 150, 92, COLORS.panel);
    this.add.text(575, 28, `${score.total}`, { fontFamily: FONT, fontSize: '44px', color: css(COLORS.text), fontStyle: 'bold' }).setOrigin(0.5, 0);
    this.add.text(575, 82, 'out of 100', TEXT.small).setOrigin(0.5, 0);
    const gradeColor = GRADE_COLORS[score.grade] ?? COLORS.text;
    this.add.circle(696, 66, 36, gradeColor);
    this.add.text(696, 66, score.grade, { fontFamily: FONT, fontSize: '40px', color: css(COLORS.backgroundDeep), fontStyle: 'bold' }).setOrigin(0.5);
    app.mirror.text(`Score: ${score.total} out of 100`, 'debrief-total');
    app.mirror.text(`Grade: ${score.grade}`, 'debrief-grade');

    // The offers over the turns.
    drawPanel(this, 32, 128, 720, 212);
    this.add.text(52, 138, 'OFFERS OVER THE TURNS', TEXT.label);
    drawOfferChart(this, 52, 158, 680, 150, r, r.antiPatterns);
    app.mirror.list(
      'Offers over the turns',
      r.offers.map((o) => `Turn ${o.turn}: their offer worth ${formatValue(o.theirs, r.unit)} to you; your position ${formatValue(o.yours, r.unit)}`),
      'debrief-offers',
    );

    // Key moments: the turns that mattered most, each replayed with the better choice.
    const moments = keyMoments(session.compiled, session.personaId, session.seed, session.moves);
    drawPanel(this, 32, 350, 720, 110);
    this.add.text(52, 360, moments.length ? 'KEY MOMENTS: WHAT A BETTER MOVE WOULD HAVE CHANGED' : 'KEY MOMENTS: NO OTHER MOVE WOULD HAVE DONE CLEARLY BETTER', TEXT.label);
    // Two fit on the canvas (the ones that mattered most come first); the mirror and the text debrief list all.
    [...moments].sort((a, b) => b.valueDelta - a.valueDelta || b.scoreDelta - a.scoreDelta).slice(0, 2).sort((a, b) => a.turn - b.turn).forEach((m, i) => {
      const y0 = 380 + i * 38;
      this.add.text(52, y0, `Turn ${m.turn}, better: "${clip(m.better.text, 84)}"`, { fontFamily: FONT, fontSize: '13px', color: css(COLORS.text) });
      this.add.text(72, y0 + 17, `→ ${keyMomentEffect(m, r.unit)}`, { fontFamily: FONT, fontSize: '13px', color: css(COLORS.success), fontStyle: 'bold' });
    });
    app.mirror.list(
      'Key moments',
      moments.length ? moments.map((m) => ({ text: keyMomentText(m, r.unit), testid: `key-moment-${m.turn}` })) : ['No other move would have done clearly better.'],
      'debrief-key-moments',
    );

    // Anti-patterns at their turns.
    drawPanel(this, 32, 470, 720, 160);
    this.add.text(52, 480, r.antiPatterns.length ? 'WHAT TO WORK ON' : 'NO ANTI-PATTERNS: WELL PLAYED', TEXT.label);
    let y = 502;
    const ap = r.antiPatterns.slice(0, 3);
    ap.forEach((a, i) => {
      const line = this.add.text(52, y, `${i + 1}. Turn ${a.turn}: ${a.label}`, { fontFamily: FONT, fontSize: '15px', color: css(COLORS.warm), fontStyle: 'bold' });
      const why = this.add.text(72, y + line.height + 1, a.principle, { fontFamily: FONT, fontSize: '13px', color: css(COLORS.text), wordWrap: { width: 660, useAdvancedWrap: true } });
      y += line.height + why.height + 7;
    });
    if (r.antiPatterns.length > ap.length) this.add.text(52, y, `…and ${r.antiPatterns.length - ap.length} more (see the text version).`, TEXT.small);
    if (r.antiPatterns.length === 0) {
      // Nothing to fix: replay the moves at the table so the rep can see what worked.
      const moves = r.transcript.filter((t) => t.phase === 'negotiation').slice(-5);
      this.add.text(52, y, moves.map((m) => `Turn ${m.turn}: ${m.choice.text}`).join('\n'), {
        fontFamily: FONT,
        fontSize: '14px',
        color: css(COLORS.text),
        lineSpacing: 4,
        fixedWidth: 680,
        wordWrap: { width: 680 },
        maxLines: 5,
      });
    }
    app.mirror.list(
      'Anti-patterns',
      r.antiPatterns.length
        ? r.antiPatterns.map((a) => ({ text: `Turn ${a.turn}: ${a.label}. ${a.principle}`, testid: `anti-pattern-${a.id}` }))
        : ['None'],
      'debrief-anti-patterns',
    );
    app.mirror.list(
      'Your moves',
      r.transcript.map((t) => `Turn ${t.turn}: ${t.choice.text}`),
      'debrief-moves',
    );

    // Every dimension with its checks.
    drawPanel(this, 772, 20, 476, 610);
    y = 32;
    for (const d of DIMENSIONS) {
      const dim = score.dimensions[d];
      this.add.text(790, y, dim.label, { fontFamily: FONT, fontSize: '15px', color: css(COLORS.text), fontStyle: 'bold' });
      this.add.text(1230, y, `${fmt(dim.score)} / ${fmt(dim.max)}`, { fontFamily: FONT, fontSize: '15px', color: css(COLORS.text), fontStyle: 'bold' }).setOrigin(1, 0);
      const bar = this.add.graphics();
      bar.fillStyle(COLORS.panelLight, 1).fillRoundedRect(790, y + 21, 440, 5, 2);
      bar.fillStyle(COLORS.accent, 1).fillRoundedRect(790, y + 21, Math.max(4, (440 * dim.score) / (dim.max || 1)), 5, 2);
      y += 30;
      for (const check of dim.checks) {
        this.add.text(792, y, check.passed ? '✓' : '✗', { fontFamily: FONT, fontSize: '13px', color: css(check.passed ? COLORS.success : COLORS.danger), fontStyle: 'bold' });
        const t = this.add.text(810, y, check.label, { fontFamily: FONT, fontSize: '13px', color: css(check.passed ? COLORS.text : COLORS.textMuted), wordWrap: { width: 420, useAdvancedWrap: true } });
        y += t.height + 2;
      }
      y += 8;
      app.mirror.list(
        `${dim.label}: ${fmt(dim.score)} of ${fmt(dim.max)}`,
        dim.checks.map((c) => ({ text: `${c.passed ? 'Yes' : 'No'}: ${c.label}`, testid: `check-${d}` })),
        `debrief-dimension-${d}`,
      );
    }

    // What next.
    const personaId = session.personaId;
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
    drawPracticeNotes(this, app, x + 124, 646, 1248 - (x + 124));
    this.settleFocus();
  }
}
