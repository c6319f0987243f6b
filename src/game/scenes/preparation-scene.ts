import { formatValue } from '../../engine/index.ts';
import type { SessionSnapshot } from '../../engine/index.ts';
import { SCENES, type GameApp } from '../app.ts';
import { CHARS_PER_SECOND } from '../storage/settings-store.ts';
import { drawBackdrop } from '../ui/backdrop.ts';
import { ChoiceList } from '../ui/choice-list.ts';
import { drawPanel } from '../ui/panel.ts';
import { clampLines, fitText, shrinkToHeight } from '../ui/fit-text.ts';
import { Portrait } from '../ui/portrait.ts';
import { COLORS, css, FONT, TEXT } from '../ui/theme.ts';
import { Typewriter } from '../ui/typewriter.ts';
import { BaseScene } from './base-scene.ts';

/** The foot of the coach's panel (it spans y 96 to 296). */
const COACH_PANEL_BOTTOM = 296;

/** The coach's look among the portrait variations (distinct from the first counterparts'). */
const COACH_LOOK = 3;

/** A prep choice just made and why it matters (coach mode shows it after the choice, never before). */
export interface Explained {
  choice: string;
  explain: string;
}

/**
 * Draws "your last step and why it matters" as a panel at `y` (full width of the prep column), in the
 * text version too; returns where the panel ends.
 */
export function drawExplained(scene: BaseScene, app: GameApp, explained: Explained, y: number, x = 32, width = 820): number {
  const sentence = (t: string) => (/[.!?]$/.test(t.trim()) ? t.trim() : `${t.trim()}.`);
  const words = `You chose: ${sentence(explained.choice)} Why it matters: ${sentence(explained.explain)}`;
  const text = scene.add.text(x + 16, y + 10, words, {
    fontFamily: FONT,
    fontSize: '15px',
    color: css(COLORS.accent),
    wordWrap: { width: width - 32, useAdvancedWrap: true },
  });
  clampLines(shrinkToHeight(text, 60, 13), 3);
  const height = text.height + 20;
  drawPanel(scene, x, y, width, height, COLORS.backgroundDeep);
  scene.children.bringToTop(text);
  app.mirror.text(`About your last step: ${words}`, 'prep-explained');
  return y + height;
}

/**
 * Preparation: the coach's questions and the prep actions. What an action changes is never shown before
 * the choice (it would give the answer away): coach mode explains the choice just made, and the debrief
 * explains every move.
 */
export class PreparationScene extends BaseScene {
  private busy = false;
  private explained: Explained | null = null;

  constructor(app: GameApp) {
    super(SCENES.preparation, app);
  }

  init(data: { explained?: Explained }): void {
    this.explained = data.explained ?? null;
  }

  create(): void {
    this.busy = false;
    const app = this.app;
    const view = app.view();
    const snap = view.snapshot;
    this.enter(SCENES.preparation, `Preparation: ${view.scenarioTitle}`);
    drawBackdrop(this);

    this.add.text(40, 24, 'PREPARATION', { ...TEXT.label, fontSize: '16px', color: css(COLORS.accent) });
    fitText(this.add.text(40, 46, view.scenarioTitle, TEXT.heading), 1000, 16);

    // The coach and the question.
    const coachPanel = drawPanel(this, 32, 96, 820, 200);
    // The coach: drawn like the counterparts, always encouraging.
    new Portrait(this, 52, 112, COACH_LOOK, 168).draw('pleased');
    this.add.text(240, 114, snap.speaker, { ...TEXT.label, color: css(COLORS.warm) });
    // The tip sits at the foot of the coach's panel (up to four lines, smaller if long); the line takes
    // the room above it, whatever the tip's length.
    let lineRoom = COACH_PANEL_BOTTOM - 140 - 12;
    if (snap.hint) {
      const tip = this.add.text(240, 0, `Tip: ${snap.hint}`, {
        fontFamily: FONT,
        fontSize: '15px',
        color: css(COLORS.accent),
        wordWrap: { width: 590, useAdvancedWrap: true },
      });
      clampLines(shrinkToHeight(tip, 72, 13), 4);
      tip.setY(COACH_PANEL_BOTTOM - 10 - tip.height);
      lineRoom = tip.y - 8 - 140;
      app.mirror.text(`Tip: ${snap.hint}`, 'hint');
    }
    const line = new Typewriter(
      this,
      240,
      140,
      { ...TEXT.body, fontSize: '21px', wordWrap: { width: 590, useAdvancedWrap: true }, lineSpacing: 4 },
      lineRoom,
      coachPanel,
    );
    this.whileAnimating(() => line.typing);
    app.mirror.say(snap.speaker, snap.line);

    // What the player holds so far: in the text version now, on the canvas in the next task, before the
    // screen is drawn (see continueBuild).
    this.mirrorPosition(snap);
    this.continueBuild(() => this.drawPosition(snap));

    // Coach mode: what the last step changed and why, now that it is chosen.
    let choicesTop = 316;
    if (this.explained) choicesTop = drawExplained(this, app, this.explained, 316) + 12;

    const choices = new ChoiceList(this, app.mirror, {
      x: 32,
      y: choicesTop,
      width: 820,
      height: 696 - choicesTop,
      choices: snap.choices,
      showExplain: false,
      onPick: (id) => this.pick(id),
      onSound: (id) => app.play(id),
      // Drawn once the line has typed out: made after the screen's first frame, not in the task that builds it.
      drawLater: true,
    });
    this.buildAfterFirstFrame(() => choices.buildNext());
    line.bindSkipInput();
    line.start(snap.line, CHARS_PER_SECOND[app.settings.textSpeed], () => choices.setVisible(true));
    this.button({ x: 1060, y: 24, width: 188, height: 44, label: 'Menu', fontSize: 17, testid: 'to-menu', onActivate: () => this.goTo(SCENES.menu) });
    this.settleFocus();
  }

  private mirrorPosition(snap: SessionSnapshot): void {
    const app = this.app;
    const { facts, discovered: learned } = app.view();
    app.mirror.text(`Your walk-away: ${formatValue(snap.walkAwayValue, snap.unit)}. Your target: ${formatValue(snap.target, snap.unit)}.`, 'position');
    app.mirror.list('Your facts', facts.length ? facts : ['None yet'], 'facts');
    app.mirror.list('What you know about them', learned.length ? learned : ['Nothing yet'], 'discovered');
  }

  private drawPosition(snap: SessionSnapshot): void {
    drawPanel(this, 872, 96, 376, 600);
    this.add.text(892, 110, 'YOUR POSITION', TEXT.label);
    const number = { fontFamily: FONT, fontSize: '20px', fontStyle: 'bold' };
    this.add.text(892, 136, 'Walk-away', { ...number, color: css(COLORS.danger) });
    this.add.text(1040, 136, String(snap.walkAwayValue), { ...number, color: css(COLORS.danger) });
    this.add.text(892, 164, 'Target', { ...number, color: css(COLORS.success) });
    this.add.text(1040, 164, String(snap.target), { ...number, color: css(COLORS.success) });
    this.add.text(892, 192, `in ${snap.unit}`, { ...TEXT.small, wordWrap: { width: 336 } });
    const { facts, discovered: learned } = this.app.view();
    let y = 222;
    const list = (label: string, items: string[], empty: string) => {
      this.add.text(892, y, label, TEXT.label);
      y += 24;
      const t = this.add.text(892, y, items.length ? items.map((i) => `• ${i}`).join('\n') : empty, {
        fontFamily: FONT,
        fontSize: '16px',
        color: css(items.length ? COLORS.text : COLORS.textMuted),
        wordWrap: { width: 336, useAdvancedWrap: true },
        lineSpacing: 4,
      });
      y += t.height + 20;
    };
    list('YOUR FACTS', facts, 'None yet.');
    list('WHAT YOU KNOW ABOUT THEM', learned, 'Nothing yet.');
  }

  private pick(choiceId: string): void {
    if (this.busy) return;
    this.busy = true;
    const chosen = this.app.view().snapshot.choices.find((c) => c.id === choiceId);
    const after = this.app.choose(choiceId);
    // Coach mode explains the choice just made; practice and assessment keep it for the debrief.
    const explained = this.app.view().mode === 'coach' && chosen?.explain ? { choice: chosen.text, explain: chosen.explain } : undefined;
    this.goTo(this.app.sceneFor(after), explained ? { explained } : {});
  }
}
