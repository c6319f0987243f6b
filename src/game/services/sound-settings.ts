import type { SoundBoard } from '../audio/sound-board.ts';
import type { SoundId } from '../audio/sound-ids.ts';
import { loadSettings, storeSettings, type Settings, type TextSpeed } from '../storage/settings-store.ts';

/** The player's settings (volume, mute, text speed) and the sound cues they govern. */
export class SoundAndSettings {
  readonly sound: SoundBoard;
  settings: Settings;

  constructor(sound: SoundBoard, settings: Settings = loadSettings()) {
    this.sound = sound;
    this.settings = settings;
  }

  /** Plays a cue without ever waiting on it or failing the game over it. */
  play(id: SoundId): void {
    try {
      this.sound.play(id);
    } catch {
      // Audio is decoration: a missing file or a locked audio context must not stop play.
    }
  }

  setVolume(volume: number): void {
    this.settings = { ...this.settings, volume: Math.round(Math.min(1, Math.max(0, volume)) * 10) / 10 };
    this.sound.setVolume(this.settings.volume);
    storeSettings(this.settings);
  }

  setMuted(muted: boolean): void {
    this.settings = { ...this.settings, muted };
    this.sound.setMuted(muted);
    storeSettings(this.settings);
  }

  setTextSpeed(textSpeed: TextSpeed): void {
    this.settings = { ...this.settings, textSpeed };
    storeSettings(this.settings);
  }
}
