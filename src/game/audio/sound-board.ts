import { Howl, Howler } from 'howler';
import { SOUND_IDS, type SoundId } from './sound-ids.ts';

export interface SoundBoardOptions {
  /** Where <id>.ogg / <id>.mp3 live; defaults to the Vite base + 'audio/' (assets/ is publicDir). */
  baseUrl?: string;
  /** Master volume 0..1. */
  volume?: number;
  muted?: boolean;
}

export interface SoundFailure {
  id: SoundId;
  kind: 'load' | 'play';
  error: unknown;
}

// Sound is decoration: a missing file, a blocked AudioContext or a codec the browser lacks
// must never stall or crash a negotiation. So nothing here throws or returns a promise.
export class SoundBoard {
  /** Ids whose Howler 'play' event fired, in order: evidence that audio really started. */
  readonly played: SoundId[] = [];
  readonly failures: SoundFailure[] = [];

  private readonly howls = new Map<SoundId, Howl>();
  private readonly listeners = new Set<(id: SoundId) => void>();
  private currentVolume = 1;
  private currentMuted = false;

  constructor(options: SoundBoardOptions = {}) {
    const base = withTrailingSlash(options.baseUrl ?? defaultBaseUrl());
    for (const id of SOUND_IDS) {
      // ogg first: smaller and gapless where supported; mp3 is the Safari fallback.
      // html5: false keeps playback on Web Audio, which has no per-play latency or pool limit.
      const howl = new Howl({ src: [`${base}${id}.ogg`, `${base}${id}.mp3`], preload: true, html5: false });
      howl.on('play', () => this.notifyPlayed(id));
      howl.on('loaderror', (_soundId, error) => this.recordFailure(id, 'load', error));
      howl.on('playerror', (_soundId, error) => this.recordFailure(id, 'play', error));
      this.howls.set(id, howl);
    }
    this.setVolume(options.volume ?? 1);
    this.setMuted(options.muted ?? false);
  }

  get volume(): number {
    return this.currentVolume;
  }

  get muted(): boolean {
    return this.currentMuted;
  }

  play(id: SoundId): void {
    // Skipping (rather than playing silently) keeps 'played' honest about what was audible.
    if (this.currentMuted) return;
    const howl = this.howls.get(id);
    if (!howl) return;
    try {
      // Before the first user gesture Howler queues or drops the sound and unlocks audio on the
      // next click; a late UI blip is harmless, so we neither retry nor wait.
      howl.play();
    } catch (error) {
      this.recordFailure(id, 'play', error);
    }
  }

  setVolume(v: number): void {
    // NaN would silence the whole game through Howler; keep the last good value instead.
    if (Number.isNaN(v)) return;
    this.currentVolume = Math.min(1, Math.max(0, v));
    Howler.volume(this.currentVolume);
  }

  setMuted(m: boolean): void {
    this.currentMuted = m;
    // Global mute also silences sounds already ringing (e.g. outcome music) the moment it is set.
    Howler.mute(m);
  }

  onPlayed(listener: (id: SoundId) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  unload(): void {
    for (const howl of this.howls.values()) howl.unload();
    this.howls.clear();
    this.listeners.clear();
  }

  private notifyPlayed(id: SoundId): void {
    this.played.push(id);
    for (const listener of this.listeners) {
      // Howler dispatches events from its own timers; a faulty listener must not break the
      // other listeners or Howler's event queue.
      try {
        listener(id);
      } catch (error) {
        console.error(`SoundBoard: onPlayed listener failed for "${id}"`, error);
      }
    }
  }

  private recordFailure(id: SoundId, kind: SoundFailure['kind'], error: unknown): void {
    this.failures.push({ id, kind, error });
    console.warn(`SoundBoard: ${kind} error for "${id}"`, error);
  }
}

function defaultBaseUrl(): string {
  // import.meta.env only exists under Vite; outside it (tsx, plain Node) fall back to the root.
  return `${import.meta.env?.BASE_URL ?? '/'}audio/`;
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
