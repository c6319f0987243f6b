import type { Outcome, SessionResult } from '../../engine/index.ts';
import { engine, formatValue } from '../engine-loader.ts';
import type { SoundId } from '../audio/sound-ids.ts';
import { SCENES, type GameApp } from '../app.ts';
import { drawBackdrop } from '../ui/backdrop.ts';
import { drawOfferChart } from '../ui/offer-chart.ts';
import { fitText } from '../ui/fit-text.ts';
import { drawPanel } from '../ui/panel.ts';
import { COLORS, css, FONT, TEXT } from '../ui/theme.ts';
import { fmt } from '../ui/value-scale.ts';
import { BaseScene } from './base-scene.ts';

const OUTCOME_SOUND: Record<Outcome, SoundId> = {
  deal: 'outcome-deal',
  'walked-away': 'outcome-walked',
  'counterpart-walked': 'outcome-lost',
};

function headline(r: SessionResult): string {
  switch (r.outcome) {
    case 'deal':
      return `Deal signed at ${formatValue(r.value, r.unit)}`;
    case 'walked-away':
      return 'You walked away';
    case 'counterpart-walked':
      return 'They walked away';
  }
}

const GRADE_COLORS: Record<string, number> = { A: COLORS.success, B: COLORS.success, C: COLORS.warm, D: COLORS.warm, F: COLORS.danger };

/** The scored debrief: outcome, total and grade, every dimension's checks, the offers, the anti-patterns. */
export class DebriefScene extends BaseScene {
  constructor(app: GameApp) {
    super(SCENES.debrief, app);
  }

  create(): void {
    const app = this.app;
    const entry = app.entry!;
    const session = app.requireSession();
    const r = session.result();
    if (!r) throw new Error('debrief before the end of the negotiation');
    const score = r.score;
    this.enter(SCENES.debrief, `Debrief: ${entry.scenario.title}`);
    app.play(OUTCOME_SOUND[r.outcome]);
    drawBackdrop(this);

    // Outcome and total.
    const title = headline(r);
    this.add.text(40, 22, 'DEBRIEF', { ...TEXT.label, fontSize: '16px', color: css(COLORS.accent) });
    fitText(this.add.text(40, 40, title, { ...TEXT.title, fontSize: '32px' }), 450, 20);
    const context =
      r.outcome === 'deal'
        ? `Your walk-away was ${fmt(r.walkAwayValue)}, your target ${fmt(r.target)}.`
        : `The best offer you saw was worth ${fmt(r.bestOffer)}; your walk-away was ${fmt(r.walkAwayValue)}.`;
    this.add.text(42, 82, context, { ...TEXT.small, fontSize: '14px', wordWrap: { width: 450, useAdvancedWrap: true } });
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
    drawPanel(this, 32, 128, 720, 300);
    this.add.text(52, 140, 'OFFERS OVER THE TURNS', TEXT.label);
    drawOfferChart(this, 52, 164, 680, 226, r, r.antiPatterns);
    app.mirror.list(
      'Offers over the turns',
      r.offers.map((o) => `Turn ${o.turn}: their offer worth ${formatValue(o.theirs, r.unit)} to you; your position ${formatValue(o.yours, r.unit)}`),
      'debrief-offers',
    );

    // Anti-patterns at their turns.
    drawPanel(this, 32, 444, 720, 186);
    this.add.text(52, 456, r.antiPatterns.length ? 'WHAT TO WORK ON' : 'NO ANTI-PATTERNS: WELL PLAYED', TEXT.label);
    let y = 480;
    const ap = r.antiPatterns.slice(0, 4);
    ap.forEach((a, i) => {
      const line = this.add.text(52, y, `${i + 1}. Turn ${a.turn}: ${a.label}`, { fontFamily: FONT, fontSize: '15px', color: css(COLORS.warm), fontStyle: 'bold' });
      const why = this.add.text(72, y + line.height + 1, a.principle, { fontFamily: FONT, fontSize: '13px', color: css(COLORS.text), wordWrap: { width: 660, useAdvancedWrap: true } });
      y += line.height + why.height + 7;
    });
    if (r.antiPatterns.length > ap.length) this.add.text(52, y, `…and ${r.antiPatterns.length - ap.length} more (see the text version).`, TEXT.small);
    if (r.antiPatterns.length === 0) {
      // Nothing to fix: replay the moves at the table so the rep can see what worked.
      const moves = r.transcript.filter((t) => t.phase === 'negotiation').slice(-7);
      this.add.text(52, y, moves.map((m) => `Turn ${m.turn}: ${m.choice.text}`).join('\n'), {
        fontFamily: FONT,
        fontSize: '14px',
        color: css(COLORS.text),
        lineSpacing: 4,
        fixedWidth: 680,
        wordWrap: { width: 680 },
        maxLines: 7,
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
    for (const d of engine().DIMENSIONS) {
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
    this.button({
      x: 32,
      y: 648,
      width: 236,
      height: 56,
      label: 'Replay',
      variant: 'primary',
      testid: 'replay',
      onActivate: () => {
        app.startNew(entry, personaId);
        this.goTo(SCENES.briefing);
      },
    });
    this.button({
      x: 284,
      y: 648,
      width: 300,
      height: 56,
      label: 'Try another counterpart',
      testid: 'other-persona',
      onActivate: () => {
        const others = entry.scenario.personas.filter((p) => p.id !== personaId);
        app.selection = { entryId: entry.id, personaId: others[0]?.id ?? personaId };
        this.goTo(SCENES.menu);
      },
    });
    this.button({ x: 600, y: 648, width: 200, height: 56, label: 'Back to menu', testid: 'to-menu', onActivate: () => this.goTo(SCENES.menu) });
    this.settleFocus();
  }
}
