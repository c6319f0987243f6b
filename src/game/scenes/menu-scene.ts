import { SCENES, type GameApp } from '../app.ts';
import { createFileInput, pickFile } from '../scenario/scenario-upload.ts';
import { TEXT_SPEEDS } from '../storage/settings-store.ts';
import { drawBackdrop } from '../ui/backdrop.ts';
import { drawLogo } from '../ui/logo.ts';
import { drawPanel } from '../ui/panel.ts';
import { COLORS, css, FONT, TEXT } from '../ui/theme.ts';
import { BaseScene } from './base-scene.ts';

/** Scenario and counterpart (difficulty) choice, settings, continuing a saved negotiation, uploads. */
export class MenuScene extends BaseScene {
  constructor(app: GameApp) {
    super(SCENES.menu, app);
  }

  create(): void {
    const app = this.app;
    this.enter(SCENES.menu, 'Walkaway: choose a negotiation');
    drawBackdrop(this);
    drawLogo(this, 36, 28, 72);
    this.add.text(124, 34, 'Walkaway', TEXT.title);
    this.add.text(126, 82, 'Negotiation practice: know your walk-away, signal it, and trade, never just give.', TEXT.small);
    app.mirror.text('Negotiation practice: know your walk-away, signal it, and trade, never just give.');

    const entries = app.entries;
    const selected = entries.find((e) => e.id === app.selection?.entryId) ?? entries[0];
    if (selected && (!app.selection || app.selection.entryId !== selected.id)) {
      app.selection = { entryId: selected.id, personaId: selected.scenario.personas[0]!.id };
    }

    // Scenarios.
    drawPanel(this, 32, 120, 600, 430);
    this.add.text(52, 134, 'SCENARIO', TEXT.label);
    const scenarioGroup = app.mirror.group('Scenario', 'menu-scenarios');
    if (entries.length === 0) {
      this.add.text(52, 170, 'No scenarios yet: load your own scenario file below.', { ...TEXT.body, wordWrap: { width: 560 } });
    }
    const cardH = Math.min(86, (400 - 10 * entries.length) / Math.max(1, entries.length));
    entries.forEach((entry, i) => {
      const s = entry.scenario;
      const custom = entry.source.kind === 'custom';
      this.button({
        x: 48,
        y: 160 + i * (cardH + 10),
        width: 568,
        height: cardH,
        label: `${s.title}${custom ? ' (your file)' : ''}`,
        detail: `${s.role} vs ${s.counterpartRole}. ${s.summary}`,
        variant: 'card',
        fontSize: 19,
        selected: entry.id === selected?.id,
        testid: `menu-scenario-${entry.id}`,
        mirror: { parent: scenarioGroup, pressed: entry.id === selected?.id },
        onActivate: () => {
          app.selection = { entryId: entry.id, personaId: s.personas[0]!.id };
          this.goTo(SCENES.menu);
        },
      });
    });

    // Counterparts (difficulty).
    drawPanel(this, 652, 120, 596, 430);
    this.add.text(672, 134, 'COUNTERPART', TEXT.label);
    const personaGroup = app.mirror.group('Counterpart', 'menu-personas');
    const personas = selected ? [...selected.scenario.personas].sort((a, b) => a.difficulty - b.difficulty) : [];
    const personaH = Math.min(86, (400 - 10 * personas.length) / Math.max(1, personas.length));
    personas.forEach((p, i) => {
      const stars = '●'.repeat(p.difficulty) + '○'.repeat(5 - p.difficulty);
      const isSelected = app.selection?.personaId === p.id;
      this.button({
        x: 668,
        y: 160 + i * (personaH + 10),
        width: 564,
        height: personaH,
        label: `${p.name}, ${p.title}   ${stars}`,
        detail: `Difficulty ${p.difficulty} of 5. ${p.archetype}`,
        variant: 'card',
        fontSize: 19,
        selected: isSelected,
        testid: `menu-persona-${p.id}`,
        mirror: { parent: personaGroup, pressed: isSelected },
        onActivate: () => {
          if (selected) app.selection = { entryId: selected.id, personaId: p.id };
          this.goTo(SCENES.menu);
        },
      });
    });

    // Start and continue.
    const snapshot = app.snapshot();
    const canContinue = snapshot !== null && !snapshot.over && app.hasSave();
    this.button({
      x: 32,
      y: 572,
      width: 290,
      height: 60,
      label: 'Start negotiation',
      variant: 'primary',
      testid: 'start',
      onActivate: () => {
        const entry = app.entries.find((e) => e.id === app.selection?.entryId);
        const selection = app.selection;
        if (!entry || !selection) return;
        // The engine loads while the menu is up; a very quick click waits for it.
        void app.engineReady().then(() => {
          app.startNew(entry, selection.personaId);
          this.goTo(SCENES.briefing);
        });
      },
    });
    if (canContinue && snapshot) {
      const entryTitle = app.entry?.scenario.title ?? '';
      this.button({
        x: 338,
        y: 572,
        width: 294,
        height: 60,
        label: 'Continue',
        detail: `${entryTitle}, turn ${snapshot.turn + 1}`,
        testid: 'continue',
        onActivate: () => this.goTo(app.sceneFor(app.requireSession().snapshot())),
      });
    }

    // Your own scenario.
    this.button({
      x: 32,
      y: 646,
      width: 600,
      height: 50,
      label: 'Load your own scenario file… (or drop it on the page)',
      fontSize: 17,
      testid: 'upload-button',
      onActivate: () => pickFile((text, name) => app.upload(text, name)),
    });
    app.mirror.control(createFileInput((text, name) => app.upload(text, name)));

    // Settings.
    drawPanel(this, 652, 572, 596, 124);
    this.add.text(672, 584, 'SETTINGS', TEXT.label);
    const settingsGroup = app.mirror.group('Settings', 'menu-settings');
    const s = app.settings;
    this.add.text(672, 620, `Volume ${Math.round(s.volume * 100)}%`, { fontFamily: FONT, fontSize: '18px', color: css(COLORS.text) });
    app.mirror.text(`Volume ${Math.round(s.volume * 100)}%${s.muted ? ' (muted)' : ''}`, 'volume-value', settingsGroup);
    const small = { y: 610, height: 42, fontSize: 17, mirror: { parent: settingsGroup } } as const;
    this.button({ ...small, x: 816, width: 48, label: '−', testid: 'volume-down', onActivate: () => this.changeSetting(() => app.setVolume(s.volume - 0.1)) });
    this.button({ ...small, x: 872, width: 48, label: '+', testid: 'volume-up', onActivate: () => this.changeSetting(() => app.setVolume(s.volume + 0.1)) });
    this.button({
      ...small,
      x: 932,
      width: 120,
      label: s.muted ? 'Unmute' : 'Mute',
      testid: 'mute',
      mirror: { parent: settingsGroup, pressed: s.muted },
      onActivate: () => this.changeSetting(() => app.setMuted(!s.muted)),
    });
    const nextSpeed = TEXT_SPEEDS[(TEXT_SPEEDS.indexOf(s.textSpeed) + 1) % TEXT_SPEEDS.length]!;
    this.button({
      ...small,
      x: 1064,
      width: 168,
      label: `Text: ${s.textSpeed}`,
      testid: 'text-speed',
      onActivate: () => this.changeSetting(() => app.setTextSpeed(nextSpeed)),
    });
    this.add.text(672, 662, 'Keys: Tab moves between buttons, Enter picks; 1-9 pick a choice at the table.', TEXT.small);

    const off = app.onCatalogChange(() => this.goTo(SCENES.menu));
    this.events.once('shutdown', off);
    this.settleFocus();
  }

  private changeSetting(change: () => void): void {
    change();
    this.goTo(SCENES.menu);
  }
}
