import { describe, expect, it } from 'vitest';
import { loadSettings, storeSettings } from '../../../src/game/storage/settings-store.ts';
import { MemoryStorage } from '../memory-storage.ts';

describe('settings', () => {
  it('defaults to audible sound at 70% and normal text speed', () => {
    expect(loadSettings(new MemoryStorage())).toEqual({ volume: 0.7, muted: false, textSpeed: 'normal' });
  });

  it('persists volume, mute and text speed', () => {
    const storage = new MemoryStorage();
    storeSettings({ volume: 0.3, muted: true, textSpeed: 'instant' }, storage);
    expect(loadSettings(storage)).toEqual({ volume: 0.3, muted: true, textSpeed: 'instant' });
  });

  it('ignores damaged or out-of-range values field by field', () => {
    const storage = new MemoryStorage();
    storage.setItem('walkaway.settings', JSON.stringify({ volume: 7, muted: 'yes', textSpeed: 'warp' }));
    expect(loadSettings(storage)).toEqual({ volume: 0.7, muted: false, textSpeed: 'normal' });
    storage.setItem('walkaway.settings', '{not json');
    expect(loadSettings(storage)).toEqual({ volume: 0.7, muted: false, textSpeed: 'normal' });
  });
});
