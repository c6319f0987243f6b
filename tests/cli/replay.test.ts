import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compiledShipped, ENTERPRISE_CLEAN, playPreferring } from '../helpers.ts';
import { main } from '../../src/cli/main.ts';
import { root, walkaway } from './child.ts';

const dir = mkdtempSync(join(tmpdir(), 'walkaway-replay-'));
/** The clean path as this persona and seed meet it (they fix which interjections come). */
const PATH = playPreferring(compiledShipped('enterprise-deal'), 'procurement-lead', 5, ENTERPRISE_CLEAN).attempt().moves as string[];

/** Plays enterprise-deal through `play --jsonl`, answering each turn with the next move of PATH. */
function playJsonl(extra: string[] = []) {
  const r = walkaway(['play', 'enterprise-deal', '--persona', 'procurement-lead', '--seed', '5', '--jsonl', ...extra], PATH.join('\n') + '\n');
  expect(r.code, r.err).toBe(0);
  return r.out.trim().split('\n').at(-1)!;
}

function save(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('walkaway replay', () => {
  const resultLine = playJsonl();
  const result = JSON.parse(resultLine) as { type: string; attempt: { moves: string[]; mode: string; fingerprint: string; scenarioId: string } };
  const attemptFile = save('attempt.json', JSON.stringify(result.attempt));

  it('the JSONL result line carries the attempt record of the game', () => {
    expect(result.type).toBe('result');
    expect(result.attempt).toMatchObject({ format: 1, scenarioId: 'enterprise-deal', personaId: 'procurement-lead', seed: 5, mode: 'practice' });
    expect(result.attempt.moves).toEqual(PATH);
    expect(result.attempt.moves.at(-1)).toBe('accept-final');
  });

  it('--json prints exactly the result line play printed, from a file or from stdin', () => {
    const fromFile = walkaway(['replay', attemptFile, '--json']);
    expect(fromFile.code).toBe(0);
    expect(fromFile.out.trim()).toBe(resultLine);
    const fromStdin = walkaway(['replay', '-', '--json'], JSON.stringify(result.attempt));
    expect(fromStdin.out.trim()).toBe(resultLine);
    // The result line itself is accepted too: `play --jsonl | tail -1 | walkaway replay -`.
    expect(walkaway(['replay', '-', '--json'], resultLine).out.trim()).toBe(resultLine);
  });

  it('without --json prints the same debrief the terminal game printed', () => {
    const played = walkaway(['play', 'enterprise-deal', '--persona', 'procurement-lead', '--seed', '5', '--choices', result.attempt.moves.join(',')]);
    expect(played.code).toBe(0);
    const replayed = walkaway(['replay', attemptFile]);
    expect(replayed.code).toBe(0);
    expect(replayed.out).toMatch(/Debrief: Deal signed/);
    expect(played.out.endsWith(replayed.out)).toBe(true);
  });

  it('play --mode puts the mode in the record, and replay keeps it', () => {
    const coached = JSON.parse(playJsonl(['--mode', 'assessment'])) as { attempt: { mode: string } };
    expect(coached.attempt.mode).toBe('assessment');
    const replayed = JSON.parse(walkaway(['replay', '-', '--json'], JSON.stringify(coached.attempt)).out) as { attempt: { mode: string } };
    expect(replayed.attempt.mode).toBe('assessment');
    const bad = walkaway(['play', 'tutorial', '--mode', 'cheat']);
    expect(bad.code).toBe(2);
    expect(bad.err.trim()).toBe('walkaway: --mode takes coach, practice, assessment, not "cheat"');
  });

  it('--scenario names the file a game was played on', () => {
    const file = join(root, 'scenarios/enterprise-deal.yaml');
    const r = walkaway(['replay', attemptFile, '--scenario', file, '--json']);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(resultLine);
  });

  it('a game still in progress replays to the turn it stopped at', () => {
    const partial = save('partial.json', JSON.stringify({ ...result.attempt, moves: result.attempt.moves.slice(0, 3) }));
    const r = walkaway(['replay', partial, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ type: 'turn', turn: 4 });
    expect(r.err).toMatch(/still in progress after 3 move/);
  });

  /** A refusal, run in this process (many cases; the child-process one below proves the wiring): exit 1 and one plain line. */
  async function refused(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['replay', ...args], { out: (l) => out.push(l), err: (l) => err.push(l) });
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    return err[0]!;
  }

  it('a refusal from the real command: exit 1, one plain line on stderr, nothing on stdout', () => {
    const r = walkaway(['replay', '-'], JSON.stringify({ ...result.attempt, fingerprint: 'a'.repeat(64) }));
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe('walkaway: the scenario has changed since this game was played\n');
  });

  it('refuses a record that does not replay with one plain line and exit 1', async () => {
    const tampered = (change: object) => save('tampered.json', JSON.stringify({ ...result.attempt, ...change }));
    expect(await refused([tampered({ fingerprint: 'a'.repeat(64) })])).toBe('walkaway: the scenario has changed since this game was played');
    const moves = [...result.attempt.moves];
    moves[6] = 'accept-final';
    expect(await refused([tampered({ moves })])).toBe('walkaway: move 7 is not a choice at that point');
    expect(await refused([tampered({ seed: -3 })])).toMatch(/^walkaway: the record is damaged \(seed: /);
    expect(await refused([tampered({ personaId: '__proto__' })])).toBe('walkaway: the scenario has no persona "__proto__"');
    // Played on another version of the scenario file.
    const changed = save('changed.yaml', readFileSync(join(root, 'scenarios/enterprise-deal.yaml'), 'utf8').replace('walkAway: 150', 'walkAway: 140'));
    expect(await refused([attemptFile, '--scenario', changed])).toBe('walkaway: the scenario has changed since this game was played');
  });

  it('refuses unreadable input and unknown scenarios with one plain line and exit 1', async () => {
    expect(await refused([save('broken.json', '{"format": 1,')])).toBe('walkaway: that is not an attempt record: the text is not valid JSON');
    expect(await refused([save('empty.json', '')])).toBe('walkaway: that is not an attempt record: the text is not valid JSON');
    expect(await refused([join(dir, 'missing.json')])).toMatch(/^walkaway: no such file: .*missing\.json$/);
    expect(await refused([save('list.json', '[1,2]')])).toMatch(/^walkaway: the record is damaged/);
    expect(await refused([save('huge.json', ' '.repeat(1_100_000))])).toMatch(/^walkaway: .*huge\.json is over 1024 KB: not an attempt record$/);
    expect(await refused([dir])).toMatch(/^walkaway: cannot read .* \(EISDIR\)$/);
    expect(await refused([save('null.json', 'null')])).toMatch(/^walkaway: the record is damaged/);
    expect(await refused([save('elsewhere.json', JSON.stringify({ ...result.attempt, scenarioId: 'constructor' }))])).toBe(
      'walkaway: no shipped scenario "constructor"; give the file it was played on with --scenario FILE',
    );
    expect(await refused([attemptFile, '--scenario', join(dir, 'nowhere.yaml')])).toMatch(
      /^walkaway: the scenario file .*nowhere\.yaml is not valid: line 1, file: no such file/,
    );
    expect(await refused([attemptFile, '--scenario', join(root, 'scenarios/tutorial.yaml')])).toBe(
      'walkaway: this game was played on scenario "enterprise-deal", not "tutorial"',
    );
    expect(await main(['replay'], { out: () => {}, err: () => {} })).toBe(2);
  });
});
