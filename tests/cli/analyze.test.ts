import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/io.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

describe('walkaway analyze on a file that cannot be played through', () => {
  it('says what is wrong with the file, in the form check uses, instead of overflowing', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l) };
    const code = await main(['analyze', fixture('final-offer-to-prep.yaml')], io);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual([expect.stringMatching(/final-offer-to-prep\.yaml:\d+:\d+ {2}beats\[4\]\.choices\[3\]\.next {2}"prep" is a preparation beat/)]);
  });
});
