import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, JsonlChild, root, walkaway, within, type Message } from './child.ts';

/** What a command prints on stderr when it dies of a closed stdout instead of ending quietly. */
const CRASH = /EPIPE|Error|\n\s+at /;

/** Runs a command whose reader has already gone away (stdout closed before it writes a byte). */
async function withClosedStdout(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy();
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
  const code = await within(new Promise<number | null>((r) => child.on('exit', (c) => r(c))), 20_000, 'still running');
  if (code === 'still running') child.kill();
  return { code, err };
}

describe('walkaway behaves like a Unix tool', () => {
  it('play --jsonl | head -c 1: a reader that stops early ends play quietly, with no stack trace', async () => {
    const child = spawn(process.execPath, [BIN, 'play', 'tutorial', '--jsonl'], { cwd: root });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    child.stdin.on('error', () => {});
    // Read one byte's worth, then close the reading end, as `head -c 1` does.
    await new Promise((r) => child.stdout.once('data', r));
    child.stdout.destroy();
    // The next turn is written to a closed pipe.
    child.stdin.write('1\n');
    const code = await within(new Promise<number | null>((r) => child.on('exit', (c) => r(c))), 10_000, 'still running');
    if (code === 'still running') child.kill();
    expect(code).toBe(0);
    expect(err).not.toMatch(CRASH);
  }, 20_000);

  it.each([
    ['list', ['list']],
    ['list --json', ['list', '--json']],
    ['schema', ['schema']],
    ['help', ['help']],
    ['play --choices', ['play', 'tutorial', '--choices', 'book-prospects,write-line,ask-why,mention-options,stand-calmly,take-a-day,accept-final']],
    ['audit', ['audit', 'tutorial', '--seeds', '1']],
  ])(
    '%s into a closed pipe ends quietly',
    async (_name, args) => {
      const r = await withClosedStdout(args);
      expect(r.err).not.toMatch(CRASH);
      expect(r.code).toBe(0);
    },
    30_000,
  );

  it('check reporting problems into a closed pipe ends quietly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'walkaway-'));
    writeFileSync(join(dir, 'broken.yaml'), 'format: 1\nid: Broken Id\n');
    const r = await withClosedStdout(['check', join(dir, 'broken.yaml')]);
    expect(r.err).not.toMatch(CRASH);
    expect(r.code).toBe(0);
  }, 30_000);

  it('replay into a closed pipe ends quietly', async () => {
    const played = walkaway(['play', 'tutorial', '--jsonl'], '1\n'.repeat(20));
    const file = join(mkdtempSync(join(tmpdir(), 'walkaway-')), 'attempt.json');
    writeFileSync(file, played.out.trim().split('\n').at(-1)!);
    const r = await withClosedStdout(['replay', file]);
    expect(r.err).not.toMatch(CRASH);
    expect(r.code).toBe(0);
  }, 30_000);

  it('play --jsonl exits right after the result line while the bot keeps stdin open', async () => {
    const bot = new JsonlChild(['play', 'tutorial', '--jsonl']);
    try {
      let result: Message | null = null;
      for (let m = await bot.next(); m; m = await bot.next()) {
        if (m.type === 'result') {
          result = m;
          break;
        }
        bot.send('1\n');
      }
      const resultAt = Date.now();
      expect(result).toMatchObject({ type: 'result' });
      // stdin is still open: the process must not wait for it. (It takes well under a second; the
      // margin is for a busy machine.)
      const exit = await within(bot.exited, 8_000, 'still running');
      expect(exit).not.toBe('still running');
      expect(exit).toMatchObject({ code: 0 });
      expect((exit as { at: number }).at - resultAt).toBeLessThan(8_000);
    } finally {
      bot.kill();
    }
  }, 30_000);

  it('an over-long line, a line of NUL bytes with no end, binary and non-UTF-8 lines get an error and the same turn again', async () => {
    const bot = new JsonlChild(['play', 'tutorial', '--jsonl']);
    try {
      const first = await bot.next();
      expect(first).toMatchObject({ type: 'turn', turn: 1 });
      const refusedWithSameTurn = async (line: string | Buffer, message: RegExp) => {
        bot.send(line);
        const error = await bot.next();
        expect(error).toMatchObject({ type: 'error' });
        expect(error!.message).toMatch(message);
        expect(error!.message!.length).toBeLessThan(1000);
        expect(await bot.next()).toEqual(first);
      };
      await refusedWithSameTurn('a'.repeat(100_000) + '\n', /longer than 64 KB/);
      // NUL bytes arriving in pieces with no newline: the reader must not keep them all.
      const nuls = Buffer.alloc(256 * 1024);
      for (let i = 0; i < 7; i++) bot.send(nuls);
      await refusedWithSameTurn('\n', /longer than 64 KB/);
      await refusedWithSameTurn(Buffer.from('book\0prospects\n'), /binary data/);
      await refusedWithSameTurn(Buffer.from([0xff, 0xfe, 0x41, 0x0a]), /not UTF-8/);
      // The game goes on normally afterwards.
      bot.send('book-prospects\n');
      expect(await bot.next()).toMatchObject({ type: 'turn', turn: 2 });
      bot.endInput();
    } finally {
      bot.kill();
    }
  }, 30_000);

  it('ids named like built-in object properties are plain unknown ids, never a crash', async () => {
    const bot = new JsonlChild(['play', 'tutorial', '--jsonl']);
    try {
      const first = await bot.next();
      for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
        bot.send(id + '\n');
        expect(await bot.next()).toEqual({ type: 'error', message: expect.stringContaining(`no choice "${id}" here`) });
        expect(await bot.next()).toEqual(first);
      }
      bot.endInput();
      expect(await bot.exited).toMatchObject({ code: 1 });
      expect(bot.stderr).toBe('');
    } finally {
      bot.kill();
    }
    for (const id of ['constructor', '__proto__']) {
      const persona = walkaway(['play', 'tutorial', '--persona', id, '--choices', 'book-prospects']);
      expect(persona.code, id).toBe(2);
      expect(persona.err).toMatch(new RegExp(`^walkaway: no persona "${id}" in tutorial`));
      const scenario = walkaway(['play', id]);
      expect(scenario.code, id).toBe(2);
      expect(scenario.err).toMatch(new RegExp(`^walkaway: no scenario "${id}"`));
    }
  }, 60_000);
});
