import { formatValue, type SessionResult } from '../../engine/index.ts';
import { MODE_RULES, type RecordEntry } from '../../engine/training/index.ts';
import { SCENES, type GameApp } from '../app.ts';
import type { ScenarioEntry } from '../scenario/catalog.ts';
import { engine } from '../services/engine-loader.ts';
import { drawBackdrop } from '../ui/backdrop.ts';
import { clampLines, fitText, shrinkToHeight } from '../ui/fit-text.ts';
import { drawPanel } from '../ui/panel.ts';
import { COLORS, css, FONT, TEXT } from '../ui/theme.ts';
import { touchOnly } from '../ui/reading-layout.ts';
import { BaseScene } from './base-scene.ts';

/**
 * A finished game, turn by turn: at each turn the engine replays the record up to it, so what is shown
 * (the line, the terms on the table, what the rep chose) is what the engine says, never a stored
 * picture. From any turn the rep can try again and take another road.
 */
export class RewatchScene extends BaseScene {
  private recordId = '';
  private turn = 0;

  constructor(app: GameApp) {
    super(SCENES.rewatch, app);
  }

  init(data: { recordId?: string; turn?: number }): void {
    if (data.recordId) this.recordId = data.recordId;
    this.turn = data.turn ?? 0;
  }

  create(): void {
    const app = this.app;
    this.enter(SCENES.rewatch, 'Re-watch: turn by turn');
    drawBackdrop(this);
    const record = app.practice.find(this.recordId);
    const entry = record ? app.catalog.byScenarioId(record.attempt.scenarioId) : undefined;
    const opened = record && entry ? app.practice.open(record.id) : null;
    const result = opened?.session.result() ?? null;
    if (!record || !entry || !opened || !result) {
      this.add.text(40, 40, 'This game cannot be re-watched.', TEXT.heading);
      app.mirror.text('This game cannot be re-watched.');
      this.button({ x: 32, y: 648, width: 220, height: 56, label: 'Back', testid: 'to-menu', onActivate: () => this.goTo(SCENES.progress) });
      this.settleFocus();
      return;
    }
    this.drawTurn(entry, opened.record, result);
    this.input.keyboard?.on('keydown-LEFT', () => this.step(-1, result));
    this.input.keyboard?.on('keydown-RIGHT', () => this.step(1, result));
    this.settleFocus();
  }

  private step(by: number, result: SessionResult): void {
    const next = Math.max(0, Math.min(result.transcript.length, this.turn + by));
    if (next !== this.turn) this.goTo(SCENES.rewatch, { recordId: this.recordId, turn: next });
  }

  private drawTurn(entry: ScenarioEntry, record: RecordEntry, result: SessionResult): void {
    const app = this.app;
    const total = result.transcript.length;
    const n = Math.max(0, Math.min(total, this.turn));
    const snap = engine().replayUpTo(entry.compiled, record.attempt, n).snapshot();
    const chosen = result.transcript[n];

    this.add.text(40, 22, 'RE-WATCH', { ...TEXT.label, fontSize: '16px', color: css(COLORS.accent) });
    fitText(this.add.text(40, 42, entry.scenario.title, TEXT.heading), 900, 16);
    const where = n < total ? `Move ${n + 1} of ${total}` : `The end: ${result.score.total} out of 100 (${result.score.grade})`;
    this.add.text(40, 78, `${where} · ${MODE_RULES[record.attempt.mode].label} mode · played ${new Date(record.playedAt).toLocaleString()}`, TEXT.small);
    app.mirror.text(where, 'rewatch-where');

    drawPanel(this, 32, 112, 800, 220, COLORS.text);
    this.add.text(56, 126, (snap.speaker || 'Narrator').toUpperCase(), { ...TEXT.label, color: css(COLORS.accentDark) });
    const line = this.add.text(56, 150, snap.line, {
      fontFamily: FONT,
      fontSize: '19px',
      color: css(COLORS.backgroundDeep),
      wordWrap: { width: 752, useAdvancedWrap: true },
      lineSpacing: 4,
    });
    clampLines(shrinkToHeight(line, 168, 14), 7);
    app.mirror.say(snap.speaker, snap.line);

    drawPanel(this, 32, 348, 800, 150);
    this.add.text(52, 360, n < total ? 'WHAT YOU CHOSE' : 'HOW IT ENDED', TEXT.label);
    const choiceText = chosen
      ? chosen.choice.text
      : `${result.outcome === 'deal' ? `Deal at ${formatValue(result.value, result.unit)}` : result.outcome === 'walked-away' ? 'You walked away' : 'They walked away'}. Score ${result.score.total}.`;
    clampLines(shrinkToHeight(this.add.text(52, 386, choiceText, { ...TEXT.body, wordWrap: { width: 760, useAdvancedWrap: true } }), 64, 14), 3);
    const flags = [
      ...result.antiPatterns.filter((a) => a.turn === chosen?.turn).map((a) => `${a.label}: ${a.principle}`),
      ...((record.attempt.takeBacks ?? []).includes(n + 1) ? ['You took this move back once in coach mode.'] : []),
    ];
    if (flags.length) {
      const flagText = this.add.text(52, 452, flags.join(' '), {
        fontFamily: FONT,
        fontSize: '13px',
        color: css(COLORS.warm),
        wordWrap: { width: 760, useAdvancedWrap: true },
      });
      clampLines(flagText, 2);
    }
    app.mirror.text(n < total ? `You chose: ${choiceText}` : choiceText, 'rewatch-choice');
    for (const f of flags) app.mirror.text(f);

    drawPanel(this, 852, 112, 396, 386);
    this.add.text(872, 124, 'ON THE TABLE', TEXT.label);
    let y = 150;
    // Each term starts below the one before, however many lines it wraps to.
    for (const t of snap.termsView) {
      const term = this.add.text(872, y, `${t.issueLabel}: ${t.optionLabel}`, {
        fontFamily: FONT,
        fontSize: '14px',
        color: css(COLORS.text),
        wordWrap: { width: 356, useAdvancedWrap: true },
      });
      y += term.height + 5;
    }
    const value = `Worth ${formatValue(snap.value, snap.unit)} to you · walk-away ${formatValue(snap.walkAwayValue, snap.unit)}`;
    this.add.text(872, y + 8, value, { fontFamily: FONT, fontSize: '14px', color: css(COLORS.accent), fontStyle: 'bold', wordWrap: { width: 356 } });
    app.mirror.list('On the table', [...snap.termsView.map((t) => `${t.issueLabel}: ${t.optionLabel}`), value], 'rewatch-terms');

    // Moving through the game, and the way back in.
    const controls = app.mirror.group('Re-watch controls', 'rewatch-controls');
    const opts = { y: 520, height: 52, fontSize: 17, mirror: { parent: controls } } as const;
    this.button({
      ...opts,
      x: 32,
      width: 150,
      label: '◀ Previous',
      testid: 'rewatch-prev',
      mirror: { parent: controls, disabled: n === 0 },
      onActivate: () => this.step(-1, result),
    });
    this.button({
      ...opts,
      x: 192,
      width: 150,
      label: 'Next ▶',
      testid: 'rewatch-next',
      mirror: { parent: controls, disabled: n >= total },
      onActivate: () => this.step(1, result),
    });
    this.button({
      ...opts,
      x: 352,
      width: 150,
      label: 'The end',
      testid: 'rewatch-end',
      onActivate: () => this.goTo(SCENES.rewatch, { recordId: record.id, turn: total }),
    });
    if (MODE_RULES[record.attempt.mode].retry && n < total) {
      this.button({
        x: 32,
        y: 600,
        width: 470,
        height: 56,
        label: `Try again from move ${n + 1}`,
        variant: 'primary',
        testid: 'retry-here',
        onActivate: () => {
          if (app.retryFrom(record, n)) this.goTo(app.sceneFor(app.requireSession().snapshot()));
        },
      });
    }
    if (!touchOnly()) this.add.text(520, 536, 'Keys: ← and → move through the game.', TEXT.small);
    this.button({
      x: 1028,
      y: 648,
      width: 220,
      height: 56,
      label: 'Debrief',
      testid: 'to-debrief',
      onActivate: () => {
        if (app.watch(record.id)) this.goTo(SCENES.debrief);
      },
    });
  }
}
