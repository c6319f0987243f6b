import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLines, type InputLine } from '../../src/cli/line-reader.ts';

async function all(input: Readable, maxBytes?: number): Promise<InputLine[]> {
  const reader = readLines(input, maxBytes);
  const out: InputLine[] = [];
  for (let l = await reader.next(); l; l = await reader.next()) out.push(l);
  return out;
}

describe('reading input lines in bounded pieces', () => {
  it('splits lines across chunks, drops a CR before the newline, and gives the last line without a newline', async () => {
    expect(await all(Readable.from([Buffer.from('ask-'), Buffer.from('why\r\nhold\n'), Buffer.from('accept')]))).toEqual([
      { text: 'ask-why' },
      { text: 'hold' },
      { text: 'accept' },
    ]);
  });

  it('reports an over-long line once, skips the rest of it, and reads the next line normally', async () => {
    const lines = await all(Readable.from([Buffer.from('x'.repeat(40)), Buffer.from('y'.repeat(40) + '\nok\n')]), 64);
    expect(lines).toEqual([{ problem: expect.stringMatching(/longer than/) }, { text: 'ok' }]);
  });

  it('survives more NUL bytes with no newline than a string can hold (readline dies with RangeError: Invalid string length)', async () => {
    // 600 MB: past V8's longest string (about 512 MB), in 1 MB pieces, then one good line.
    const nuls = Buffer.alloc(1024 * 1024);
    function* source() {
      for (let i = 0; i < 600; i++) yield nuls;
      yield Buffer.from('\nhold\n');
    }
    const before = process.memoryUsage().rss;
    const lines = await all(Readable.from(source()));
    expect(lines).toEqual([{ problem: expect.stringMatching(/longer than 64 KB/) }, { text: 'hold' }]);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  }, 30_000);

  it('calls a line with control characters or bytes that are not UTF-8 binary', async () => {
    const lines = await all(Readable.from([Buffer.from('a\0b\n\x1b[2J\n'), Buffer.from([0xc3, 0x28, 0x0a]), Buffer.from('tab\there\n')]));
    expect(lines).toEqual([
      { problem: expect.stringMatching(/binary/) },
      { problem: expect.stringMatching(/binary/) },
      { problem: expect.stringMatching(/not UTF-8/) },
      { text: 'tab\there' },
    ]);
  });

  it('close() lets go of an input that never ends', async () => {
    const endless = new Readable({ read() {} });
    const reader = readLines(endless);
    endless.push('one\n');
    expect(await reader.next()).toEqual({ text: 'one' });
    const pending = reader.next();
    reader.close();
    expect(await pending).toBeNull();
    expect(endless.destroyed).toBe(true);
  });
});
