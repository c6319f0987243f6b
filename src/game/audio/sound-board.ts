import type { Howl } from 'howler';
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

type HowlerModule = typeof import('howler');

// Sound is decoration: a missing file, a blocked AudioContext or a codec the browser lacks
// must never stall or crash a negotiation. So nothing here throws or returns a promise.
//
// Nothing is loaded until `load()` (the game calls it once the first screen is up) or the first
// `play()`: creating the audio context and decoding eleven files is work the first screen does not
// need, and Howler itself is a chunk of its own.
export class SoundBoard {
  /** Ids whose Howler 'play' event fired, in order: evidence that audio really started. */
  readonly played: SoundId[] = [];
  readonly failures: SoundFailure[] = [];

  private readonly howls = new Map<SoundId, Howl>();
  private readonly listeners = new Set<(id: SoundId) => void>();
  private readonly base: string;
  private currentVolume = 1;
  private currentMuted = false;
  private howler: HowlerModule | null = null;
  private loading: Promise<void> | null = null;
  private unloaded = false;

  constructor(options: SoundBoardOptions = {}) {
    this.base = withTrailingSlash(options.baseUrl ?? defaultBaseUrl());
    this.setVolume(options.volume ?? 1);
    this.setMuted(options.muted ?? false);
  }

  /** Loads Howler and starts fetching and decoding every sound (once); never rejects. */
  load(): Promise<void> {
    this.loading ??= import('howler').then(
      (howler) => {
        if (this.unloaded) return;
        this.howler = howler;
        for (const id of SOUND_IDS) {
          // ogg first: smaller and gapless where supported; mp3 is the Safari fallback.
          // html5: false keeps playback on Web Audio, which has no per-play latency or pool limit.
          const howl = new howler.Howl({ src: [`${this.base}${id}.ogg`, `${this.base}${id}.mp3`], preload: true, html5: false });
          howl.on('play', () => this.notifyPlayed(id));
          howl.on('loaderror', (_soundId, error) => this.recordFailure(id, 'load', error));
          howl.on('playerror', (_soundId, error) => this.recordFailure(id, 'play', error));
          this.howls.set(id, howl);
        }
        howler.Howler.volume(this.currentVolume);
        howler.Howler.mute(this.currentMuted);
      },
      (error: unknown) => {
        // Offline before the first full visit: the game goes on silent, and a later call tries again.
        this.loading = null;
        for (const id of SOUND_IDS) this.recordFailure(id, 'load', error);
      },
    );
    return this.loading;
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
    // Asked before the sounds were loaded: it plays once they are, unless muted meanwhile (Howler
    // itself queues a play until its file is decoded).
    if (!this.howler) {
      void this.load().then(() => {
        if (this.howler && !this.currentMuted) this.play(id);
      });
      return;
    }
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
    this.howler?.Howler.volume(this.currentVolume);
  }

  setMuted(m: boolean): void {
    this.currentMuted = m;
    // Global mute also silences sounds already ringing (e.g. outcome music) the moment it is set.
    this.howler?.Howler.mute(m);
  }

  onPlayed(listener: (id: SoundId) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  unload(): void {
    this.unloaded = true;
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
