import { formatValue } from '../engine-loader.ts';
import { SCENES, type GameApp } from '../app.ts';
import { drawBackdrop } from '../ui/backdrop.ts';
import { drawPanel } from '../ui/panel.ts';
import { fitText } from '../ui/fit-text.ts';
import { Portrait } from '../ui/portrait.ts';
import { COLORS, css, FONT, TEXT } from '../ui/theme.ts';
import { BaseScene } from './base-scene.ts';

/** The situation, the player's own facts, and what is known of the counterpart, before preparing. */
export class BriefingScene extends BaseScene {
  constructor(app: GameApp) {
    super(SCENES.briefing, app);
  }

  create(): void {
    const app = this.app;
    const entry = app.entry;
    const session = app.requireSession();
    if (!entry) throw new Error('briefing without a scenario');
    const s = entry.scenario;
    const persona = entry.compiled.personas.get(session.personaId)!;
    const personaIndex = s.personas.findIndex((p) => p.id === persona.id);
    const snapshot = session.snapshot();
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
        this.add.circle(58, y + 11, 3, COLORS.accent);
        y += t.height + 6;
      }
      y += 12;
      app.mirror.list(label, lines, testid);
    };
    section('The situation', s.briefing.situation, 'briefing-situation');
    section('Your facts', s.briefing.facts, 'briefing-facts');
    const position = [`Walk-away: ${formatValue(snapshot.walkAwayValue, s.unit)}`, `Target: ${formatValue(snapshot.target, s.unit)}`];
    section('Your numbers', position, 'briefing-numbers');

    // The counterpart.
    drawPanel(this, 812, 110, 436, 520);
    const portrait = new Portrait(this, 890, 126, personaIndex, 280);
    portrait.draw('neutral');
    this.add.text(832, 436, `${persona.name}`, TEXT.heading);
    this.add.text(832, 466, `${persona.title} · difficulty ${persona.difficulty}/5`, TEXT.small);
    const known = [persona.blurb, ...s.briefing.known, ...(persona.memory?.note ? [`They remember: ${persona.memory.note}`] : [])];
    const knownText = this.add.text(832, 494, known.join('\n'), { fontFamily: FONT, fontSize: '15px', color: css(COLORS.text), wordWrap: { width: 396, useAdvancedWrap: true }, lineSpacing: 4 });
    // Scenario files decide how much is known; keep it inside the panel (it ends at y 630).
    for (let size = 14; knownText.height > 128 && size >= 11; size--) knownText.setFontSize(size).setLineSpacing(size >= 13 ? 3 : 1);
    app.mirror.text(`${persona.name}, ${persona.title}. ${persona.archetype}. Difficulty ${persona.difficulty} of 5.`, 'briefing-persona');
    app.mirror.list(`What you know about ${persona.name}`, known, 'briefing-known');

    const next = snapshot.phase === 'prep' ? 'Start preparing' : 'Go to the table';
    this.button({ x: 972, y: 648, width: 276, height: 56, label: next, variant: 'primary', testid: 'briefing-continue', onActivate: () => this.goTo(app.sceneFor(session.snapshot())) });
    this.button({ x: 32, y: 648, width: 200, height: 56, label: 'Back to menu', testid: 'to-menu', onActivate: () => this.goTo(SCENES.menu) });
    this.settleFocus();
  }
}
