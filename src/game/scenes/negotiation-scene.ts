import { formatValue, turnClock } from '../../engine/index.ts';
import type { Mood, SessionSnapshot } from '../../engine/index.ts';
import { SCENES, type GameApp } from '../app.ts';
import { debriefAnalysis } from '../services/debrief-analysis.ts';
import type { GameView } from '../services/game-view.ts';
import { CHARS_PER_SECOND } from '../storage/settings-store.ts';
import { drawBackdrop } from '../ui/backdrop.ts';
import { ChoiceList } from '../ui/choice-list.ts';
import { drawPanel } from '../ui/panel.ts';
import { clampLines, fitText, shrinkToHeight } from '../ui/fit-text.ts';
import { Portrait } from '../ui/portrait.ts';
import { TermsPanel, termRowHeight, termsPanelHeight } from '../ui/terms-panel.ts';
import { COLORS, css, FONT, TEXT } from '../ui/theme.ts';
import { TurnClock } from '../ui/turn-clock.ts';
import { Typewriter } from '../ui/typewriter.ts';
import { ValueScale } from '../ui/value-scale.ts';
import { BaseScene } from './base-scene.ts';
import { drawExplained, type Explained } from './preparation-scene.ts';
import { drawPackageBuilder, startingPackage, type Package } from './package-builder.ts';

const MOOD_WORDS: Record<Mood, string> = {
  neutral: 'looks calm',
  pleased: 'looks pleased',
  skeptical: 'looks skeptical',
  annoyed: 'looks annoyed',
  pressing: 'leans in, pressing',
};

const MOOD_COLORS: Record<Mood, number> = {
  neutral: COLORS.textMuted,
  pleased: COLORS.success,
  skeptical: COLORS.warm,
  annoyed: COLORS.danger,
  pressing: COLORS.warm,
};

/** What the facts panel says when preparation gave the player nothing to back a claim with. */
export const NO_FACTS = 'No facts to back a claim yet: careful what you claim.';

/** The player's facts (strengths and weaknesses alike): what a show of strength can or cannot rest on. */
function drawFacts(scene: BaseScene, view: GameView): void {
  const facts = view.facts;
  drawPanel(scene, 40, 440, 250, 184);
  scene.add.text(54, 452, 'YOUR FACTS', TEXT.label);
  const factsText = scene.add.text(54, 474, facts.length ? facts.map((f) => `• ${f}`).join('\n') : NO_FACTS, {
    fontFamily: FONT,
    fontSize: '13px',
    color: css(facts.length ? COLORS.text : COLORS.textMuted),
    wordWrap: { width: 222, useAdvancedWrap: true },
    lineSpacing: 3,
  });
  // Preparation decides how many facts there are; every one stays readable inside the panel (to y 618).
  for (let size = 12; factsText.height > 144 && size >= 10; size--) factsText.setFontSize(size).setLineSpacing(size >= 12 ? 2 : 1);
}

/** The table: the counterpart, what they say, what is on the table against your numbers, your choices. */
export class NegotiationScene extends BaseScene {
  private busy = false;
  private previous: SessionSnapshot | null = null;
  /** The package being composed, while the package builder is open. */
  private builder: Package | null = null;
  /** The last preparation step and why it matters (coach mode, first turn at the table). */
  private explained: Explained | null = null;

  constructor(app: GameApp) {
    super(SCENES.negotiation, app);
  }

  init(data: { previous?: SessionSnapshot; builder?: Package; explained?: Explained }): void {
    this.previous = data.previous ?? null;
    this.explained = data.explained ?? null;
    this.builder = data.builder ?? null;
  }

  create(): void {
    this.busy = false;
    const app = this.app;
    const view = app.view();
    const snap = view.snapshot;
    const persona = view.persona;
    this.enter(SCENES.negotiation, `Negotiation: ${view.scenarioTitle}`);
    drawBackdrop(this, { table: true });

    // Top bar: where we are on their clock.
    fitText(
      this.add.text(40, 18, `${view.scenarioTitle.toUpperCase()}  ·  ${view.modeLabel.toUpperCase()} MODE`, { ...TEXT.label, fontSize: '15px' }),
      800,
      11,
    );
    app.mirror.text(`${view.modeLabel} mode.`, 'mode');
    const clock = new TurnClock(this, 40, 40);
    const words = turnClock(snap);
    clock.set(words, snap.deadline);
    app.mirror.text(`${words.text}.`, 'clock');

    // The counterpart.
    const portrait = new Portrait(this, 40, 76, `${persona.id}/${persona.name}`, 250);
    portrait.draw(snap.mood);
    if (this.previous && this.previous.mood !== snap.mood) {
      portrait.container.setScale(0.96);
      this.tweens.add({ targets: portrait.container, scale: 1, duration: 260, ease: 'Back.easeOut' });
    }
    drawPanel(this, 40, 350, 250, 74, COLORS.panelLight);
    this.add.text(54, 358, persona.name, { ...TEXT.body, fontSize: '17px', fontStyle: 'bold' });
    // A long title ("Office Manager, Harbourside Clinics") takes a smaller size, then "…", never a clipped word.
    const title = fitText(this.add.text(54, 380, persona.title, { fontFamily: FONT, fontSize: '13px', color: css(COLORS.textMuted) }), 226, 11);
    clampLines(title, 1);
    this.add.text(54, 399, MOOD_WORDS[snap.mood], { fontFamily: FONT, fontSize: '13px', color: css(MOOD_COLORS[snap.mood]), fontStyle: 'bold' });
    app.mirror.text(`${persona.name} ${MOOD_WORDS[snap.mood]}.`, 'mood');

    // What they say.
    const bubble = drawPanel(this, 312, 76, 928, 170, COLORS.text);
    // The bubble's pointer, on the bubble's own drawing (it is drawn whenever the bubble is).
    bubble.fillStyle(COLORS.text, 1).fillTriangle(312, 150, 296, 166, 312, 182);
    this.add.text(336, 90, snap.speaker.toUpperCase(), { ...TEXT.label, color: css(COLORS.accentDark) });
    const line = new Typewriter(
      this,
      336,
      114,
      {
        fontFamily: FONT,
        fontSize: '21px',
        color: css(COLORS.backgroundDeep),
        wordWrap: { width: 880, useAdvancedWrap: true },
        lineSpacing: 5,
      },
      124,
      bubble,
    );
    this.whileAnimating(() => line.typing);
    app.mirror.say(snap.speaker, snap.line);

    // Coach hint.
    if (this.builder && snap.canPropose) {
      // The package builder takes the place of the hint, the choices and the terms.
      drawPackageBuilder(this, app, snap, this.builder, {
        change: (terms) => this.goTo(SCENES.negotiation, { builder: terms }),
        send: (terms) => this.propose(terms),
        cancel: () => this.goTo(SCENES.negotiation, {}),
      });
      line.bindSkipInput();
      line.start(snap.line, CHARS_PER_SECOND[app.settings.textSpeed], () => undefined);
      drawFacts(this, view);
      this.drawFactsAndMenu(view);
      this.settleFocus();
      return;
    }

    // The hint panel grows with the hint (up to four lines); the choices start below it.
    let choicesTop = 266;
    let hintTop = 262;
    // Coach mode, straight after preparation: what the last prep step changed and why.
    if (this.explained) {
      hintTop = drawExplained(this, app, this.explained, 262, 312, 528) + 8;
      choicesTop = hintTop + 4;
    }
    if (snap.hint) {
      const hint = this.add.text(328, hintTop + 8, `Coach: ${snap.hint}`, {
        fontFamily: FONT,
        fontSize: '15px',
        color: css(COLORS.accent),
        wordWrap: { width: 500, useAdvancedWrap: true },
      });
      clampLines(shrinkToHeight(hint, 76, 13), 4);
      const hintHeight = Math.max(52, hint.height + 16);
      drawPanel(this, 312, hintTop, 528, hintHeight, COLORS.backgroundDeep);
      this.children.bringToTop(hint);
      choicesTop = hintTop + hintHeight + 14;
      app.mirror.text(`Coach: ${snap.hint}`, 'hint');
    }

    // The terms on the table, against walk-away and target; what you have learned so far. Their canvas
    // objects are made in the next task, before the screen is drawn (see continueBuild): the first table
    // of a game took over 50 ms to build in one.
    const issues = snap.termsView.length;
    const termsHeight = termsPanelHeight(issues);
    const previous = this.previous;
    const learned = view.discovered;
    const knownY = 262 + termsHeight + 14;
    this.continueBuild(() => {
      const terms = new TermsPanel(this, 860, 262, 380, termsHeight);
      // Changes since the last move are marked, and the value's marker moves from where it stood.
      terms.set(snap.termsView, snap.unit, previous?.termsView);
      const scale = new ValueScale(this, 884, 262 + 40 + issues * termRowHeight(issues) + 48, 332);
      const from = previous && previous.phase === 'negotiation' ? previous.value : snap.value;
      scale.set({ value: snap.value, walkAway: snap.walkAwayValue, target: snap.target, unit: snap.unit }, from);
      drawPanel(this, 860, knownY, 380, 696 - knownY);
      this.add.text(876, knownY + 12, 'WHAT YOU KNOW ABOUT THEM', TEXT.label);
      const known = this.add.text(876, knownY + 34, learned.length ? learned.map((l) => `• ${l}`).join('\n') : 'Nothing yet: ask.', {
        fontFamily: FONT,
        fontSize: '14px',
        color: css(learned.length ? COLORS.text : COLORS.textMuted),
        wordWrap: { width: 348, useAdvancedWrap: true },
      });
      // Many issues leave less room here: a smaller size first, then the last line kept ends "…" (the
      // full list is in the text version).
      const knownRoom = 696 - knownY - 44;
      shrinkToHeight(known, knownRoom, 12);
      clampLines(known, Math.max(1, Math.floor(knownRoom / (known.height / Math.max(1, known.getWrappedText().length)))));
      drawFacts(this, view);
    });
    app.mirror.list(
      'On the table',
      snap.termsView.map((t) => ({ text: `${t.issueLabel}: ${t.optionLabel} (worth ${formatValue(t.value, snap.unit)} to you)`, testid: `term-${t.issue}` })),
      'terms',
    );
    app.mirror.text(
      `Value to you: ${formatValue(snap.value, snap.unit)}. Your walk-away: ${formatValue(snap.walkAwayValue, snap.unit)}. Your target: ${formatValue(snap.target, snap.unit)}.`,
      'value',
    );

    if (learned.length) app.mirror.list('What you know about them', learned, 'discovered');

    // Your choices.
    const choices = new ChoiceList(this, app.mirror, {
      x: 312,
      y: choicesTop,
      width: 528,
      height: 696 - choicesTop - (snap.canPropose ? 60 : 0),
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
    if (snap.canPropose) {
      // Beside the scripted lines: the rep's own package, composed from the scenario's options.
      this.button({
        x: 312,
        y: 646,
        width: 528,
        height: 50,
        label: 'Propose a package…',
        fontSize: 17,
        testid: 'propose-open',
        mirror: { description: 'set every issue yourself and put it on the table' },
        onActivate: () => this.goTo(SCENES.negotiation, { builder: startingPackage(snap) }),
      });
    }

    this.drawFactsAndMenu(view);
    this.settleFocus();
  }

  /**
   * The player's facts in the text version and the way out (shown with the choices and with the
   * package builder; the facts' canvas panel is drawFacts).
   */
  private drawFactsAndMenu(view: GameView): void {
    const app = this.app;
    const facts = view.facts;
    app.mirror.list('Your facts', facts.length ? facts : [NO_FACTS], 'facts');

    const back = app.runner.origin?.pathStep ? SCENES.path : SCENES.menu;
    if (view.mode === 'coach') {
      // Coach mode: undo the last move once per turn (the engine replays the game without it).
      this.button({ x: 40, y: 640, width: 116, height: 50, label: 'Menu', fontSize: 17, testid: 'to-menu', onActivate: () => this.goTo(back) });
      this.button({
        x: 164,
        y: 640,
        width: 126,
        height: 50,
        label: 'Take back',
        fontSize: 17,
        testid: 'take-back',
        mirror: { disabled: !view.canTakeBack, description: view.canTakeBack ? 'undo your last move' : 'already used for this move, or nothing to undo' },
        onActivate: () => this.takeBack(),
      });
    } else {
      this.button({ x: 40, y: 640, width: 250, height: 50, label: 'Menu (saved)', fontSize: 17, testid: 'to-menu', onActivate: () => this.goTo(back) });
    }
  }

  private propose(terms: Package): void {
    if (this.busy) return;
    this.busy = true;
    const before = this.app.requireSession().snapshot();
    const after = this.app.runner.propose(terms);
    this.advance(before, after);
  }

  private takeBack(): void {
    if (this.busy || !this.app.runner.canTakeBack()) return;
    this.busy = true;
    const before = this.app.requireSession().snapshot();
    const after = this.app.runner.takeBack();
    this.advance(before, after);
  }

  /**
   * Shows the screen after a move. When the game is over, the debrief's analysis runs first, in a task
   * of its own: with the debrief's building in one task, it made the longest main-thread task of a game.
   */
  private advance(before: SessionSnapshot, after: SessionSnapshot): void {
    const next = this.app.sceneFor(after);
    if (next !== SCENES.debrief) {
      this.goTo(next, { previous: before });
      return;
    }
    window.setTimeout(() => {
      const session = this.app.session;
      if (session?.result()) debriefAnalysis(session);
      this.goTo(next, { previous: before });
    }, 0);
  }

  private pick(choiceId: string): void {
    if (this.busy) return;
    this.busy = true;
    const before = this.app.requireSession().snapshot();
    const after = this.app.choose(choiceId);
    this.advance(before, after);
  }
}
