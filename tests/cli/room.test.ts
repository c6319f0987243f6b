import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { WorkshopServer } from '../../src/server/app.ts';
import type { Database } from '../../src/server/db/database.ts';
import { TestDatabases, startTestServer } from '../server/test-server.ts';

/**
 * `walkaway room create|join|results` as separate processes against a real workshop server: the JSONL
 * protocol of `play --jsonl` over the network, and one clear line with exit 1 for every refusal.
 */
const root = new URL('../../', import.meta.url).pathname;
const BIN = join(root, 'bin/walkaway.js');

/** Runs a command in this process (the server answers from the same event loop), capturing what it prints. */
async function inProcess(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function walkaway(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

interface TurnLine {
  type: 'turn';
  turn: number;
  stage: string;
  value: number;
  walkAwayValue: number;
  choices: { id: string; tags: string[] }[];
}

/** Plays `room join --jsonl` like a bot: answers each turn line, once with a choice that does not exist. */
function playOverNetwork(server: string, code: string, name: string): Promise<{ code: number | null; lines: Record<string, unknown>[] }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'room', 'join', code, '--name', name, '--server', server, '--jsonl'], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const lines: Record<string, unknown>[] = [];
    let sentBad = false;
    createInterface({ input: child.stdout }).on('line', (line) => {
      const msg = JSON.parse(line) as Record<string, unknown>;
      lines.push(msg);
      if (msg['type'] !== 'turn') return;
      const t = msg as unknown as TurnLine;
      if (!sentBad && t.turn === 2) {
        sentBad = true;
        child.stdin.write('not-a-choice\n');
        return;
      }
      const accept = t.choices.find((c) => c.tags.includes('accept'));
      const safe = t.choices.filter((c) => !c.tags.some((x) => ['walk-away', 'threat', 'concede', 'batna:weak'].includes(x)));
      const pick =
        accept && (t.stage === 'closing' || t.turn > 12) && t.value >= t.walkAwayValue
          ? accept
          : t.turn > 15
            ? (accept ?? t.choices[0]!)
            : (safe[0] ?? t.choices[0]!);
      child.stdin.write(`${pick.id}\n`);
    });
    child.on('close', (c) => resolve({ code: c, lines }));
  });
}

describe('walkaway room', () => {
  const dbs = new TestDatabases();
  let db: Database;
  let server: WorkshopServer;
  let url: string;

  beforeAll(async () => {
    db = await dbs.open(await dbs.location('pglite'));
    server = await startTestServer(db);
    url = await server.app.listen({ port: 0, host: '127.0.0.1' });
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await db?.close();
    dbs.close();
  });

  it('creates a room, plays one rep over the network with the play --jsonl protocol, and reads the verified results', async () => {
    const created = await walkaway(['room', 'create', '--scenario', 'renewal', '--server', url, '--json']);
    expect(created.code).toBe(0);
    const room = JSON.parse(created.out) as Record<string, string>;
    expect(Object.keys(room)).toEqual(['code', 'joinUrl', 'facilitatorUrl', 'secret']);
    expect(room['joinUrl']).toBe(`${url}/?room=${room['code']}`);

    const played = await playOverNetwork(url, room['code']!, 'Robo Rep');
    expect(played.code).toBe(0);
    const types = played.lines.map((l) => l['type']);
    expect(types[0]).toBe('turn');
    expect(types.at(-1)).toBe('result');
    // A choice that does not exist gets an error line and the same turn again.
    const bad = types.indexOf('error');
    expect(played.lines[bad]!['message']).toContain('no choice "not-a-choice"');
    expect(played.lines[bad + 1]!['turn']).toBe(played.lines[bad - 1]!['turn']);
    const result = played.lines.at(-1)!;
    expect(Object.keys(result)).toEqual([
      'type',
      'outcome',
      'value',
      'walkAwayValue',
      'target',
      'bestOffer',
      'score',
      'antiPatterns',
      'offers',
      'transcript',
      'keyMoments',
      'attempt',
    ]);
    expect((result['attempt'] as { moves: unknown[] }).moves.length).toBeGreaterThan(3);

    const results = await inProcess(['room', 'results', room['code']!, '--secret', room['secret']!, '--server', url, '--json']);
    expect(results.code).toBe(0);
    const reps = (JSON.parse(results.out) as { reps: { name: string; finished: boolean; result: { score: number; outcome: string } }[] }).reps;
    expect(reps).toHaveLength(1);
    expect(reps[0]).toMatchObject({
      name: 'Robo Rep',
      finished: true,
      result: { score: (result['score'] as { total: number }).total, outcome: result['outcome'] },
    });

    const dup = await inProcess(['room', 'join', room['code']!, '--name', 'robo rep', '--server', url, '--jsonl']);
    expect([dup.code, dup.err.trim()]).toEqual([1, `walkaway: someone in room ${room['code']} is already called "robo rep"; pick another name`]);
    const wrongSecret = await inProcess(['room', 'results', room['code']!, '--secret', 'f'.repeat(32), '--server', url, '--json']);
    expect([wrongSecret.code, wrongSecret.err.trim()]).toEqual([1, `walkaway: that is not the secret of room ${room['code']}: use the facilitator link`]);

    await server.rooms.act(room['code']!, room['secret']!, { action: 'end' });
    const closed = await inProcess(['room', 'join', room['code']!, '--name', 'Late', '--server', url, '--jsonl']);
    expect([closed.code, closed.err.trim()]).toEqual([1, `walkaway: room ${room['code']} has ended`]);
  });

  it('says in one line when the code is wrong or the server is not there', async () => {
    const bad = await inProcess(['room', 'join', 'ZZZZZZ', '--name', 'A', '--server', url, '--jsonl']);
    expect([bad.code, bad.err.trim()]).toEqual([1, 'walkaway: no room with code ZZZZZZ']);
    const malformed = await inProcess(['room', 'join', 'no!', '--name', 'A', '--server', url, '--jsonl']);
    expect(malformed.code).toBe(1);
    expect(malformed.err.trim().split('\n')).toHaveLength(1);
    const dead = await inProcess(['room', 'create', '--scenario', 'renewal', '--server', 'http://127.0.0.1:1', '--json']);
    expect([dead.code, dead.err.trim()]).toEqual([
      1,
      'walkaway: cannot reach the workshop server at http://127.0.0.1:1 (is it running? start it with npm run workshop)',
    ]);
  });
});
