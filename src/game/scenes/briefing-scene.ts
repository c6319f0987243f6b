import { formatValue } from '../../engine/index.ts';
import { SCENES, type GameApp } from '../app.ts';
import { drawBackdrop } from '../ui/backdrop.ts';
import { drawPanel } from '../ui/panel.ts';
import { fitText } from '../ui/fit-text.ts';
import { Portrait } from '../ui/portrait.ts';
import { addSmoothGraphics } from '../ui/smooth-graphics.ts';
import { COLORS, css, FONT, TEXT } from '../ui/theme.ts';
import { BaseScene } from './base-scene.ts';

/** The situation, the player's own facts, and what is known of the counterpart, before preparing. */
export class BriefingScene extends BaseScene {
  constructor(app: GameApp) {
    super(SCENES.briefing, app);
  }

  create(): void {
    const app = this.app;
    const session = app.requireSession();
    const view = app.view();
    const s = { title: view.scenarioTitle, role: view.role, counterpartRole: view.counterpartRole, briefing: view.briefing };
    const persona = view.persona;
    const snapshot = view.snapshot;
    this.enter(SCENES.briefing, `Briefing: ${s.title}`);
    drawBackdrop(this);

    fitText(this.add.text(40, 26, s.title, TEXT.title), 1200, 22);
    this.add.text(42, 76, `You: ${s.role}. Across the table: ${s.counterpartRole}.`, TEXT.small);
    app.mirror.text(`You: ${s.role}. Across the table: ${s.counterpartRole}.`, 'briefing-role');

    // The situation and the player's facts.
    drawPanel(this, 32, 110, 760, 520);
    let y = 126;
    const section = (label: string, lines: readonly string[], testid: string) => {
      this.add.text(52, y, label.toUpperCase(), TEXT.label);
      y += 24;
      for (const line of lines) {
        const t = this.add.text(70, y, line, { ...TEXT.body, fontSize: '17px', wordWrap: { width: 700, useAdvancedWrap: true } });
        addSmoothGraphics(this)
          .fillStyle(COLORS.accent, 1)
          .fillCircle(58, y + 11, 3);
        y += t.height + 6;
      }
      y += 12;
      app.mirror.list(label, lines, testid);
    };
    section('The situation', s.briefing.situation, 'briefing-situation');
    section('Your facts', s.briefing.facts, 'briefing-facts');
    const position = [`Walk-away: ${formatValue(snapshot.walkAwayValue, snapshot.unit)}`, `Target: ${formatValue(snapshot.target, snapshot.unit)}`];
    section('Your numbers', position, 'briefing-numbers');

    // The counterpart.
    drawPanel(this, 812, 110, 436, 520);
    const portrait = new Portrait(this, 890, 126, `${persona.id}/${persona.name}`, 280);
    portrait.draw('neutral');
    this.add.text(832, 436, `${persona.name}`, TEXT.heading);
    this.add.text(832, 466, `${persona.title} · difficulty ${persona.difficulty}/5`, TEXT.small);
    const known = view.counterpartKnown;
    const knownText = this.add.text(832, 494, known.join('\n'), {
      fontFamily: FONT,
      fontSize: '15px',
      color: css(COLORS.text),
      wordWrap: { width: 396, useAdvancedWrap: true },
      lineSpacing: 4,
    });
    // Scenario files decide how much is known; keep it inside the panel (it ends at y 630).
    for (let size = 14; knownText.height > 128 && size >= 11; size--) knownText.setFontSize(size).setLineSpacing(size >= 13 ? 3 : 1);
    app.mirror.text(`${persona.name}, ${persona.title}. ${persona.archetype}. Difficulty ${persona.difficulty} of 5.`, 'briefing-persona');
    app.mirror.list(`What you know about ${persona.name}`, known, 'briefing-known');

    const next = snapshot.phase === 'prep' ? 'Start preparing' : 'Go to the table';
    this.button({
      x: 972,
      y: 648,
      width: 276,
      height: 56,
      label: next,
      variant: 'primary',
      testid: 'briefing-continue',
      onActivate: () => this.goTo(app.sceneFor(session.snapshot())),
    });
    const back = app.runner.origin?.pathStep ? { label: 'Back to path', to: SCENES.path } : { label: 'Back to menu', to: SCENES.menu };
    this.button({ x: 32, y: 648, width: 200, height: 56, label: back.label, testid: 'to-menu', onActivate: () => this.goTo(back.to) });
    if (view.mode !== 'practice') {
      this.add.text(250, 664, `${view.modeLabel} mode`, { ...TEXT.small, fontStyle: 'bold' });
      app.mirror.text(`${view.modeLabel} mode.`, 'briefing-mode');
    }
    this.settleFocus();
  }
}
