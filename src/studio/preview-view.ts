import type { Scenario } from '../engine/index.ts';
import { PREVIEW_PARAM, PREVIEW_READY, writeStudioPreview } from '../game/scenario/studio-preview.ts';
import { el } from './dom.ts';

/**
 * "Play this persona": the game itself, in a frame, with the editor's current text loaded as an
 * uploaded file and the chosen counterpart selected. The text goes through this tab's sessionStorage
 * (same origin, never the network).
 */
export class PreviewView {
  readonly root: HTMLElement;
  private readonly select: HTMLSelectElement;
  private readonly play: HTMLButtonElement;
  private readonly note: HTMLElement;
  private readonly frameHost: HTMLElement;
  private scenario: Scenario | null = null;
  private loads = 0;

  constructor(
    root: HTMLElement,
    private readonly current: () => { text: string; fileName: string },
  ) {
    this.root = root;
    this.select = el('select', { id: 'preview-persona', 'data-testid': 'preview-persona' });
    this.play = el('button', { type: 'button', className: 'primary', 'data-testid': 'preview-play', onclick: () => this.start() }, 'Play this persona');
    this.note = el('p', { className: 'note', role: 'status' });
    this.frameHost = el('div', { className: 'frame-host' });
    root.append(el('div', { className: 'row' }, el('label', { for: 'preview-persona' }, 'Counterpart '), this.select, this.play), this.note, this.frameHost);
    this.update(null);
    // The game's menu shows its default scenario until the text is loaded: the frame stays covered
    // until the game says it is ready, so Start cannot be pressed on the wrong scenario.
    window.addEventListener('message', (e: MessageEvent) => {
      if (e.origin === location.origin && (e.data as { kind?: unknown } | null)?.kind === PREVIEW_READY) this.frameHost.classList.remove('loading');
    });
  }

  /** The latest text that loads (null: it has errors, so there is nothing to play). */
  update(scenario: Scenario | null): void {
    this.scenario = scenario;
    this.play.disabled = scenario === null;
    if (!scenario) {
      this.note.textContent = 'Fix the problems in the file to play it.';
      return;
    }
    const chosen = this.select.value;
    const ids = scenario.personas.map((p) => p.id);
    if (this.select.options.length !== ids.length || [...this.select.options].some((o, i) => o.value !== ids[i])) {
      this.select.replaceChildren(...scenario.personas.map((p) => el('option', { value: p.id }, `${p.name}, ${p.title} (difficulty ${p.difficulty})`)));
      if (ids.includes(chosen)) this.select.value = chosen;
    }
    this.note.textContent = this.loads
      ? 'Press "Play this persona" again to play the latest text.'
      : 'Opens the game below with this text and counterpart selected; press Start negotiation there.';
  }

  private start(): void {
    if (!this.scenario) return;
    const { text, fileName } = this.current();
    writeStudioPreview({ yaml: text, fileName, personaId: this.select.value || this.scenario.personas[0]!.id });
    this.loads++;
    const frame = el('iframe', {
      title: `Preview: ${this.scenario.title}`,
      src: `index.html?${PREVIEW_PARAM}=${this.loads}`,
      'data-testid': 'preview-frame',
    });
    this.frameHost.classList.add('loading');
    this.frameHost.replaceChildren(frame, el('p', { className: 'frame-loading', 'data-testid': 'preview-loading' }, 'Loading your text into the game…'));
    // On one column the frame opens below the fold: bring it into view, or the button seems to do nothing.
    frame.scrollIntoView({ block: 'nearest' });
    this.note.textContent = `Playing "${this.scenario.title}" from the editor's text. The game's keys work inside the frame (Tab into it).`;
  }
}
