/** Player settings that outlive a page load: sound volume, mute, and how fast lines are typed out. */

export const TEXT_SPEEDS = ['slow', 'normal', 'fast', 'instant'] as const;
export type TextSpeed = (typeof TEXT_SPEEDS)[number];

/** Characters typed per second for each speed (instant shows the whole line at once). */
export const CHARS_PER_SECOND: Record<TextSpeed, number> = { slow: 25, normal: 55, fast: 120, instant: Infinity };

export interface Settings {
  volume: number;
  muted: boolean;
  textSpeed: TextSpeed;
}

const KEY = 'walkaway.settings';
const DEFAULTS: Settings = { volume: 0.7, muted: false, textSpeed: 'normal' };

export function loadSettings(storage: Storage = localStorage): Settings {
  try {
    const raw: unknown = JSON.parse(storage.getItem(KEY) ?? 'null');
    if (!raw || typeof raw !== 'object') return { ...DEFAULTS };
    const r = raw as Partial<Record<keyof Settings, unknown>>;
    return {
      volume: typeof r.volume === 'number' && r.volume >= 0 && r.volume <= 1 ? r.volume : DEFAULTS.volume,
      muted: typeof r.muted === 'boolean' ? r.muted : DEFAULTS.muted,
      textSpeed: TEXT_SPEEDS.includes(r.textSpeed as TextSpeed) ? (r.textSpeed as TextSpeed) : DEFAULTS.textSpeed,
    };
  } catch {
    // Settings are a convenience: unreadable ones fall back to the defaults.
    return { ...DEFAULTS };
  }
}

export function storeSettings(settings: Settings, storage: Storage = localStorage): void {
  try {
    storage.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Private mode or a full quota: the game keeps working with in-memory settings.
  }
}
