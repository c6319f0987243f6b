import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SOUND_IDS } from '../../src/game/audio/sound-ids.ts';

// Checks the generated files on disk only: Howler needs a browser, so playback is proven elsewhere.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const audioDir = join(root, 'assets', 'audio');
const MAX_BYTES = 60 * 1024;

function readAudio(file: string): Buffer {
  const path = join(audioDir, file);
  const size = statSync(path).size;
  expect(size, `${file} is empty`).toBeGreaterThan(0);
  expect(size, `${file} is ${size} bytes`).toBeLessThan(MAX_BYTES);
  return readFileSync(path);
}

describe('generated audio', () => {
  it.each(SOUND_IDS)('%s.ogg is a small Ogg file', (id) => {
    const bytes = readAudio(`${id}.ogg`);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('OggS');
  });

  it.each(SOUND_IDS)('%s.mp3 is a small MP3 file', (id) => {
    const bytes = readAudio(`${id}.mp3`);
    const id3 = bytes.subarray(0, 3).toString('latin1') === 'ID3';
    const frameSync = bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0;
    expect(id3 || frameSync, `${id}.mp3 has no ID3 tag or MPEG frame sync`).toBe(true);
  });

  it('scripts/make-audio.sh generates every sound id', () => {
    const script = readFileSync(join(root, 'scripts', 'make-audio.sh'), 'utf8');
    const missing = SOUND_IDS.filter((id) => !new RegExp(`finish ${id} `).test(script));
    expect(missing).toEqual([]);
  });
});
