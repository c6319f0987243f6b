import { MODE_RULES, currentStep, type StepProgress } from '../../engine/training/index.ts';
import { SCENES, type GameApp } from '../app.ts';
import { drawBackdrop } from '../ui/backdrop.ts';
import { addFittedText, fitText } from '../ui/fit-text.ts';
import { drawLogo } from '../ui/logo.ts';
import { drawPanel } from '../ui/panel.ts';
import { addSmoothGraphics } from '../ui/smooth-graphics.ts';
import { registerColumn } from '../ui/layout-registry.ts';
import { measurerFor, styleOf } from '../ui/text-metrics.ts';
import { wrapText } from '../ui/wrap-text.ts';
import { addCardColumns, cardColumns } from '../ui/card-columns.ts';
import { COLORS, css, FONT, GAME_WIDTH, TEXT } from '../ui/theme.ts';
import { BaseScene } from './base-scene.ts';

/** The learning path's title, at most (shrunk to fit), and the selected step's. */
const PATH_TITLE_SIZE = '28px';
const STATUS_MARK = { done: '✓', current: '▶', locked: '–', unread: '·' } as const;
const STATUS_WORD = { done: 'done', current: 'up next', locked: 'locked', unread: 'reading your progress' } as const;
const STATUS_COLOR = { done: COLORS.success, current: COLORS.accent, locked: COLORS.textMuted, unread: COLORS.textMuted } as const;
/** A step's status as shown: 'unread' until the practice record has been read from storage. */
type ShownStatus = StepProgress['status'] | 'unread';

/** What the path screen shows of the practice record, as a string to compare. */
function shownProgress(progress: readonly StepProgress[]): string {
  return JSON.stringify(progress.map((p) => [p.status, p.best, p.played, p.assessed]));
}

/**
 * The learning path, where a new rep lands: every step with done / up next / locked, the selected
 * step's concept card, and the way in. Steps unlock in order (the engine's pathProgress decides).
 */
export class PathScene extends BaseScene {
  private selectedId: string | null = null;

  constructor(app: GameApp) {
    super(SCENES.path, app);
  }

  /** Coming back to the path selects the step up next; a click on a step selects that one. */
  init(data: { stepId?: string }): void {
    this.selectedId = data.stepId ?? null;
  }

  create(): void {
    const app = this.app;
    const path = app.catalog.path;
    this.enter(SCENES.path, 'Walkaway: your learning path');
    drawBackdrop(this);
    drawLogo(this, 36, 24, 56);
    if (!path) {
      this.add.text(110, 34, 'No learning path is available.', TEXT.heading);
      this.button({ x: 32, y: 648, width: 240, height: 56, label: 'All scenarios', testid: 'to-menu', onActivate: () => this.goTo(SCENES.menu) });
      this.settleFocus();
      return;
    }
    const progress = app.practice.pathProgress();
    const done = progress.filter((p) => p.status === 'done').length;
    const next = currentStep(progress);
    const selected = progress.find((p) => p.step.id === this.selectedId) ?? next ?? progress[progress.length - 1]!;
    // The first screen may come up before the record has been read. A new rep's (no note of earlier
    // games on this device) is drawn as it will be, with nothing done; a returning rep's calls no step
    // done or locked until the record is in.
    const read = app.storageRead || app.recordSeemsEmpty;
    const shown = (p: StepProgress): ShownStatus => (read ? p.status : 'unread');

    // As wide as the screen leaves it (nothing shares its line), so a path's title seldom needs a smaller size.
    addFittedText(this, 108, 26, path.title, { ...TEXT.heading, fontSize: PATH_TITLE_SIZE }, GAME_WIDTH - 32 - 108, 18);
    const status = !read
      ? `${progress.length} steps. Reading your progress on this device…`
      : next
        ? `${done} of ${progress.length} steps done. Up next: step ${next.index + 1}, ${next.step.concept.title.toLowerCase()}.`
        : `All ${progress.length} steps done. Well played.`;
    this.add.text(110, 66, status, TEXT.small);
    app.mirror.text(path.summary ?? path.title);
    app.mirror.text(status, 'path-status');

    // The steps.
    drawPanel(this, 32, 104, 580, 530);
    this.add.text(52, 116, 'STEPS', TEXT.label);
    const group = app.mirror.group('Steps', 'path-steps');
    // Cards 5 px apart: ten steps' cards are just tall enough for their labels in the labels' size and
    // weight (TEXT.label), a size of the font this screen already uses.
    const rowH = Math.min(52, (486 - 5 * progress.length) / progress.length);
    const pitch = rowH + 5;
    // The size the button would shrink its label to (one line in the row above the detail, about 1.25
    // of the size tall): given at once, the label is drawn once rather than once per size tried, on the
    // screen a new rep sees first. (Pixel-identical for the shipped ten steps.)
    const fontSize = Math.min(16, Math.floor((rowH - 26) / 1.25));
    const rows = progress.map((p, i) => {
      const entry = app.catalog.cardFor(p.step.scenario);
      const persona = entry?.scenario.personas.find((x) => x.id === p.step.persona);
      return {
        label: `${i + 1}. ${p.step.concept.title}`,
        detail: `${MODE_RULES[p.step.mode].label} · ${persona?.name ?? p.step.persona} · ${entry?.scenario.title ?? p.step.scenario}`,
      };
    });
    // The steps' labels and details as two texts for the whole list (two textures, not twenty), when
    // each fits one line as the buttons would draw it.
    const columns = cardColumns({ x: 84, y: 140, width: 512, height: rowH, pitch, fontSize, rows });
    const marks = addSmoothGraphics(this);
    progress.forEach((p, i) => {
      const y = 140 + i * pitch;
      this.button({
        x: 84,
        y,
        width: 512,
        height: rowH,
        ...rows[i]!,
        variant: 'card',
        fontSize,
        drawsText: columns === null,
        selected: p.step.id === selected.step.id,
        testid: `path-step-${p.step.id}`,
        mirror: { parent: group, pressed: p.step.id === selected.step.id, description: STATUS_WORD[shown(p)] },
        onActivate: () => {
          this.selectedId = p.step.id;
          this.goTo(SCENES.path, { stepId: p.step.id });
        },
      });
      marks.fillStyle(STATUS_COLOR[shown(p)], shown(p) === 'locked' || shown(p) === 'unread' ? 0.35 : 1).fillCircle(60, y + rowH / 2, 13);
    });
    if (columns) addCardColumns(this, columns);
    // The status marks, one line per step, each centred on its circle: one text, not ten.
    // In the labels' size and weight (TEXT.label): every size of the font this first screen uses is a
    // lookup the browser makes while the page loads, so the screen keeps to few of them.
    const markStyle = { fontFamily: FONT, fontSize: TEXT.label.fontSize, color: css(COLORS.backgroundDeep), fontStyle: 'bold', align: 'center' } as const;
    const markHeight = styleOf(markStyle).getTextMetrics().fontSize;
    const markColumn = this.add.text(
      60,
      140 + rowH / 2 - markHeight / 2,
      progress.map((p) => STATUS_MARK[shown(p)]),
      { ...markStyle, lineSpacing: pitch - markHeight },
    );
    registerColumn(markColumn.setOrigin(0.5, 0), pitch);

    this.drawCard(selected, shown(selected));

    // In the concept text's size (TEXT.body): one size of the font fewer for this first screen.
    const bodySize = parseInt(TEXT.body.fontSize, 10);
    this.button({
      x: 32,
      y: 648,
      width: 240,
      height: 56,
      label: 'All scenarios',
      fontSize: bodySize,
      testid: 'to-menu',
      onActivate: () => this.goTo(SCENES.menu),
    });
    this.button({
      x: 288,
      y: 648,
      width: 240,
      height: 56,
      fontSize: bodySize,
      label: 'Your progress',
      testid: 'to-progress',
      withoutEngine: true,
      onActivate: () => void app.practice.whenLoaded().then(() => this.sys.isActive() && this.goTo(SCENES.progress)),
    });
    // A change to the record that leaves what this screen shows as it is (the games read just after the
    // first screen, none for a new rep) does not rebuild it.
    const drawnProgress = read ? shownProgress(progress) : null;
    const offRecord = app.practice.onChange(() => {
      if (drawnProgress === null || shownProgress(app.practice.pathProgress()) !== drawnProgress)
        this.redraw(this.selectedId ? { stepId: this.selectedId } : {});
    });
    this.events.once('shutdown', offRecord);
    // Drawn before the record was read: the statuses follow once it is (a new rep's only if it holds games after all).
    const drawnEmpty = read;
    this.followStorage(() => {
      if (!drawnEmpty || app.practice.keptGames > 0) this.redraw(this.selectedId ? { stepId: this.selectedId } : {});
    });
    this.settleFocus();
  }

  /** The concept card of the selected step, what it asks for, and the way in. */
  private drawCard(p: StepProgress, status: ShownStatus): void {
    const app = this.app;
    const entry = app.catalog.cardFor(p.step.scenario);
    const persona = entry?.scenario.personas.find((x) => x.id === p.step.persona);
    drawPanel(this, 632, 104, 616, 530);
    const heading = status === 'unread' ? `STEP ${p.index + 1}` : `STEP ${p.index + 1} · ${STATUS_WORD[status].toUpperCase()}`;
    this.add.text(656, 118, heading, { ...TEXT.label, color: css(STATUS_COLOR[status]) });
    // The size the path's title starts from (and is measured at): one size of the font fewer to look up.
    const title = fitText(this.add.text(656, 142, p.step.concept.title, { ...TEXT.title, fontSize: PATH_TITLE_SIZE }), 568, 20);
    const text = this.add.text(656, title.y + title.height + 14, p.step.concept.text, {
      ...TEXT.body,
      fontSize: '19px',
      lineSpacing: 6,
      wordWrap: { width: 568, useAdvancedWrap: true },
    });
    app.mirror.text(`Step ${p.index + 1}: ${p.step.concept.title}. ${p.step.concept.text}`, 'path-concept');

    const facts = [
      `Scenario: ${entry?.scenario.title ?? p.step.scenario}`,
      `Counterpart: ${persona ? `${persona.name}, ${persona.title} (difficulty ${persona.difficulty} of 5)` : p.step.persona}`,
      `Mode: ${MODE_RULES[p.step.mode].label}. ${MODE_RULES[p.step.mode].description}`,
      `Pass mark: ${p.passMark} out of 100`,
      status === 'unread'
        ? 'Your games here: reading your progress…'
        : p.assessed
          ? `Assessed attempt: ${p.assessed.total}, ${p.assessed.passed ? 'passed' : 'not passed yet: practise it, then sit it again'}`
          : p.best !== null
            ? `Your best here: ${p.best} (${p.played} game${p.played === 1 ? '' : 's'})`
            : 'Not played yet',
    ];
    // Facts 6 px apart. Those of one line each share a text (one texture, not one each); a fact that
    // wraps keeps a text of its own, its lines closer together than the facts.
    const factStyle = { fontFamily: FONT, fontSize: '15px', color: css(COLORS.text), wordWrap: { width: 568, useAdvancedWrap: true } };
    const measure = measurerFor(factStyle);
    const runs: string[][] = [];
    let oneLineRun = false;
    for (const fact of facts) {
      const oneLine = wrapText(fact, 568, measure).length === 1;
      if (oneLine && oneLineRun) runs[runs.length - 1]!.push(fact);
      else runs.push([fact]);
      oneLineRun = oneLine;
    }
    let y = text.y + text.height + 24;
    for (const run of runs) y += this.add.text(656, y, run, { ...factStyle, lineSpacing: run.length > 1 ? 6 : 0 }).height + 6;
    app.mirror.list('About this step', facts, 'path-step-facts');

    const unread = status === 'unread';
    const locked = !unread && p.status === 'locked';
    const label = locked ? `Locked: pass step ${p.index} first` : status === 'done' ? 'Play it again' : 'Play this step';
    this.button({
      x: 656,
      y: 560,
      width: 568,
      height: 58,
      label,
      variant: locked ? 'secondary' : 'primary',
      testid: 'path-play',
      mirror: { disabled: locked },
      onActivate: () => {
        // Pressed before the record was read, the press waited for it: the lock is checked with it now.
        const now = unread ? app.practice.pathProgress().find((x) => x.step.id === p.step.id) : p;
        if (!now || now.status === 'locked' || !entry) {
          if (unread) this.goTo(SCENES.path, { stepId: p.step.id });
          return;
        }
        if (app.startStep(p.step)) this.goTo(SCENES.briefing);
      },
    });
  }
}
