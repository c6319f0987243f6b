import { ATTEMPT_MODES } from '../../engine/index.ts';
import { MODE_RULES } from '../../engine/training/index.ts';
import { SCENES, type GameApp } from '../app.ts';
import type { ScenarioCard } from '../scenario/scenario-card.ts';
import { createFileInput, pickFile } from '../scenario/scenario-upload.ts';
import { TEXT_SPEEDS } from '../storage/settings-store.ts';
import { drawBackdrop } from '../ui/backdrop.ts';
import { drawLogo } from '../ui/logo.ts';
import { drawPanel } from '../ui/panel.ts';
import { COLORS, css, FONT, TEXT } from '../ui/theme.ts';
import { touchOnly } from '../ui/reading-layout.ts';
import { BaseScene } from './base-scene.ts';

/** Scenario cards that fit the scenario panel at a readable size; more than this are shown in pages. */
const CARDS_PER_PAGE = 6;
/** Cards per page when there are pages (one row goes to the page buttons). */
const CARDS_PER_PAGED = 5;

/** Scenario, counterpart (difficulty) and mode choice, settings, continuing saved games, uploads. */
export class MenuScene extends BaseScene {
  /** The uploaded scenario whose Remove was pressed once: the next press on it removes it. */
  private armedRemoval: string | null = null;
  /** A page of scenarios the rep turned to; null shows the page with the selected scenario. */
  private browsePage: number | null = null;

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
    const nav = app.mirror.group('Go to', 'menu-nav');
    this.button({
      x: 388,
      y: 28,
      width: 200,
      height: 48,
      label: 'Join a workshop',
      fontSize: 17,
      testid: 'workshop-open',
      mirror: { parent: nav },
      onActivate: () => void import('../workshop/workshop-flow.ts').then((workshop) => workshop.openJoinPanel(app, this.game)),
    });
    this.button({
      x: 820,
      y: 28,
      width: 200,
      height: 48,
      label: 'Learning path',
      fontSize: 17,
      testid: 'to-path',
      mirror: { parent: nav },
      onActivate: () => this.goTo(SCENES.path),
    });
    this.button({
      x: 1036,
      y: 28,
      width: 212,
      height: 48,
      label: 'Your progress',
      fontSize: 17,
      testid: 'to-progress',
      mirror: { parent: nav },
      withoutEngine: true,
      // The menu may be up before the record is read (a moment at most): the screen waits for it.
      onActivate: () => void app.practice.whenLoaded().then(() => this.sys.isActive() && this.goTo(SCENES.progress)),
    });
    // Trainers: the scenario studio is a page of its own (studio.html), so the game stays light.
    this.button({
      x: 604,
      y: 28,
      width: 200,
      height: 48,
      label: 'Scenario studio',
      fontSize: 17,
      testid: 'studio-link',
      mirror: { parent: nav },
      onActivate: () => location.assign('studio.html'),
    });

    const entries = app.entries;
    const selected = entries.find((e) => e.id === app.selection?.entryId) ?? entries[0];
    if (selected && (!app.selection || app.selection.entryId !== selected.id)) app.catalog.select(selected, selected.scenario.personas[0]!.id);

    // Scenarios.
    drawPanel(this, 32, 120, 600, 430);
    this.add.text(52, 134, 'SCENARIO', TEXT.label);
    const scenarioGroup = app.mirror.group('Scenario', 'menu-scenarios');
    if (entries.length === 0) {
      this.add.text(52, 170, 'No scenarios yet: load your own scenario file below.', { ...TEXT.body, wordWrap: { width: 560 } });
    }
    this.drawScenarioCards(entries, selected?.id, scenarioGroup);

    // Counterparts (difficulty).
    drawPanel(this, 652, 120, 596, 430);
    this.add.text(672, 134, 'COUNTERPART', TEXT.label);
    const personaGroup = app.mirror.group('Counterpart', 'menu-personas');
    const personas = selected ? [...selected.scenario.personas].sort((a, b) => a.difficulty - b.difficulty) : [];
    const personaH = Math.min(86, (290 - 10 * personas.length) / Math.max(1, personas.length));
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
          if (selected) app.catalog.select(selected, p.id);
          this.goTo(SCENES.menu);
        },
      });
    });

    // How to play it.
    this.add.text(672, 450, 'MODE', TEXT.label);
    const modeGroup = app.mirror.group('Mode', 'menu-modes');
    const mode = app.selection?.mode ?? 'practice';
    ATTEMPT_MODES.forEach((m, i) => {
      this.button({
        x: 668 + i * 190,
        y: 472,
        width: 180,
        height: 50,
        label: MODE_RULES[m].label,
        fontSize: 18,
        variant: 'card',
        align: 'center',
        selected: m === mode,
        testid: `mode-${m}`,
        mirror: { parent: modeGroup, pressed: m === mode, description: MODE_RULES[m].description },
        onActivate: () => {
          if (selected && app.selection) app.catalog.select(selected, app.selection.personaId, m);
          this.goTo(SCENES.menu);
        },
      });
    });
    this.add.text(672, 528, MODE_RULES[mode].description, { ...TEXT.small, fontSize: '13px', wordWrap: { width: 560 } });

    // Start and continue.
    const saved = app.saves.games;
    const latest = saved[0];
    this.button({
      x: 32,
      y: 572,
      width: 290,
      height: 60,
      label: 'Start negotiation',
      variant: 'primary',
      testid: 'start',
      onActivate: () => {
        const entry = app.catalog.find(app.selection?.entryId ?? '');
        if (!entry || !app.selection) return;
        app.startNew(entry, app.selection.personaId, app.selection.mode);
        this.goTo(SCENES.briefing);
      },
    });
    if (latest) {
      this.button({
        x: 338,
        y: 572,
        width: 294,
        height: 60,
        label: 'Continue',
        detail: `${latest.title}, turn ${latest.turn + 1}`,
        fontSize: 18,
        testid: 'continue',
        onActivate: () => void app.continueGame(latest.id).then((scene) => this.goTo(scene)),
      });
    }

    // Your own scenario.
    this.button({
      x: 32,
      y: 646,
      width: saved.length ? 290 : 600,
      height: 50,
      label: saved.length ? 'Load a scenario file…' : 'Load your own scenario file… (or drop it on the page)',
      fontSize: 17,
      testid: 'upload-button',
      onActivate: () => pickFile((text, name) => app.upload(text, name)),
    });
    if (saved.length) {
      this.button({
        x: 338,
        y: 646,
        width: 294,
        height: 50,
        label: `Saved games (${saved.length})`,
        fontSize: 17,
        testid: 'to-saves',
        onActivate: () => this.goTo(SCENES.saves),
      });
    }
    app.mirror.control(createFileInput((text, name) => app.upload(text, name)));

    // Settings.
    drawPanel(this, 652, 572, 596, 124);
    this.add.text(672, 584, 'SETTINGS', TEXT.label);
    const settingsGroup = app.mirror.group('Settings', 'menu-settings');
    const s = app.settings;
    this.add.text(672, 620, `Volume ${Math.round(s.volume * 100)}%`, { fontFamily: FONT, fontSize: '18px', color: css(COLORS.text) });
    app.mirror.text(`Volume ${Math.round(s.volume * 100)}%${s.muted ? ' (muted)' : ''}`, 'volume-value', settingsGroup);
    const small = { y: 610, height: 42, fontSize: 17, mirror: { parent: settingsGroup } } as const;
    this.button({
      x: 1064,
      y: 578,
      width: 168,
      height: 28,
      label: 'Learning records…',
      fontSize: 14,
      testid: 'lrs-settings',
      mirror: { parent: settingsGroup },
      onActivate: () => void import('../lms/lrs-settings-form.ts').then((form) => form.openLrsSettings()),
    });
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
    // Keyboard hints only where there is a keyboard to use them (not on touch-only devices).
    if (!touchOnly())
      this.add.text(672, 656, 'Keys: Tab moves between buttons, Enter picks; 1-9 pick a choice at the table.', {
        ...TEXT.small,
        fontSize: '14px',
        wordWrap: { width: 560 },
      });

    const off = app.onCatalogChange(() => {
      // A new upload is selected: show its page.
      this.browsePage = null;
      this.redraw();
    });
    // Another tab saved or finished a game: the Continue list follows.
    const offSaves = app.saves.onChange(() => this.redraw());
    // Drawn before storage was read (the first screen does not wait for it): Continue appears once it is.
    this.followStorage(() => {
      if (app.saves.games.length > 0) this.redraw();
    });
    this.events.once('shutdown', () => {
      off();
      offSaves();
    });
    this.settleFocus();
  }

  /**
   * The scenario cards, built-ins then uploads, in pages when there are more than fit. Each upload has
   * a Remove button beside its card, which asks for a second press before it removes anything.
   */
  private drawScenarioCards(entries: readonly ScenarioCard[], selectedId: string | undefined, group: HTMLElement): void {
    const app = this.app;
    const armed = this.armedRemoval;
    this.armedRemoval = null;
    const paged = entries.length > CARDS_PER_PAGE;
    const perPage = paged ? CARDS_PER_PAGED : CARDS_PER_PAGE;
    const pages = Math.max(1, Math.ceil(entries.length / perPage));
    const selectedIndex = Math.max(
      0,
      entries.findIndex((e) => e.id === selectedId),
    );
    const page = Math.min(pages - 1, Math.max(0, this.browsePage ?? Math.floor(selectedIndex / perPage)));
    const shown = entries.slice(page * perPage, (page + 1) * perPage);
    // Cards share the panel's height (160..540), less a row for the page buttons when there are pages.
    const room = paged ? 330 : 380;
    const cardH = Math.min(86, (room - 10 * (shown.length - 1)) / Math.max(1, shown.length));
    const removeW = 124;
    shown.forEach((entry, i) => {
      const s = entry.scenario;
      const custom = entry.source.kind === 'custom';
      const y = 160 + i * (cardH + 10);
      this.button({
        x: 48,
        y,
        width: custom ? 568 - removeW - 8 : 568,
        height: cardH,
        label: `${s.title}${custom ? ' (your file)' : ''}`,
        detail: `${s.role} vs ${s.counterpartRole}. ${s.summary}`,
        variant: 'card',
        fontSize: 19,
        selected: entry.id === selectedId,
        testid: `menu-scenario-${entry.id}`,
        mirror: { parent: group, pressed: entry.id === selectedId },
        onActivate: () => {
          app.catalog.select(entry, s.personas[0]!.id);
          this.goTo(SCENES.menu);
        },
      });
      if (!custom) return;
      const confirming = armed === entry.id;
      this.button({
        x: 616 - removeW,
        y,
        width: removeW,
        height: cardH,
        label: confirming ? 'Remove? Press again' : 'Remove',
        fontSize: 16,
        variant: confirming ? 'primary' : 'secondary',
        testid: `menu-remove-${entry.id}`,
        mirror: {
          parent: group,
          description: confirming ? `removes "${s.title}" from this device; your games of it stay in your record` : `"${s.title}" from this device`,
        },
        onActivate: () => {
          if (!confirming) {
            this.armedRemoval = entry.id;
            this.goTo(SCENES.menu);
            return;
          }
          void app.removeUpload(entry.id);
          // Keyboard focus lands on the scenario now selected (the button pressed is gone).
          const next = app.selection?.entryId;
          document.querySelector<HTMLElement>(`.a11y [data-testid="${CSS.escape(`menu-scenario-${next ?? ''}`)}"]`)?.focus({ preventScroll: true });
          this.goTo(SCENES.menu);
        },
      });
    });
    if (!paged) return;
    const turn = (to: number) => {
      this.browsePage = to;
      this.goTo(SCENES.menu);
    };
    this.add.text(332, 514, `Page ${page + 1} of ${pages}`, { ...TEXT.small, fontSize: '16px' }).setOrigin(0.5, 0.5);
    const row = { y: 494, width: 160, height: 44, fontSize: 16, mirror: { parent: group } } as const;
    if (page > 0) this.button({ ...row, x: 48, label: '‹ Previous', testid: 'menu-scenarios-previous', onActivate: () => turn(page - 1) });
    if (page < pages - 1) this.button({ ...row, x: 456, label: 'More ›', testid: 'menu-scenarios-next', onActivate: () => turn(page + 1) });
  }

  private changeSetting(change: () => void): void {
    change();
    this.goTo(SCENES.menu);
  }
}
