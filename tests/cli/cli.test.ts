import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const BIN = join(root, 'bin/walkaway.js');

function walkaway(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('walkaway command line', () => {
  it('list --json gives every scenario with its personas', () => {
    const r = walkaway(['list', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as { id: string; title: string; file: string; personas: { id: string; name: string; difficulty: number }[] }[];
    const enterprise = list.find((s) => s.id === 'enterprise-deal')!;
    expect(enterprise.file).toBe('scenarios/enterprise-deal.yaml');
    expect(enterprise.personas.map((p) => p.id)).toEqual(['eager-buyer', 'status-quo-skeptic', 'procurement-lead']);
    expect(enterprise.personas[0]).toEqual({ id: 'eager-buyer', name: 'Dana Okafor', difficulty: 1 });
  });

  it('check passes the shipped scenarios and names file:line:col, field and message for a broken one', () => {
    expect(walkaway(['check']).code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'walkaway-'));
    const broken = readFileSync(join(root, 'tests/fixtures/mini.yaml'), 'utf8').replace('    patience: 2', '    patience: soon');
    writeFileSync(join(dir, 'broken.yaml'), broken);
    const r = walkaway(['check', join(dir, 'broken.yaml'), join(root, 'tests/fixtures/mini.yaml')]);
    expect(r.code).toBe(1);
    const line = broken.split('\n').findIndex((l) => l.includes('patience: soon')) + 1;
    expect(r.out.trim()).toBe(`${join(dir, 'broken.yaml')}:${line}:15  personas[1].patience  expected number, got string "soon"`);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/); // no stack trace for bad input
  });

  it('schema prints the JSON Schema, and scenarios/schema.json is that schema', () => {
    const r = walkaway(['schema']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(JSON.parse(readFileSync(join(root, 'scenarios/schema.json'), 'utf8')));
    expect(JSON.parse(r.out).properties.personas).toBeDefined();
  });

  it('play --choices plays a fixed list to a debrief', () => {
    const r = walkaway([
      'play',
      'enterprise-deal',
      '--persona',
      'eager-buyer',
      '--choices',
      'polish-deck,stay-flexible,rest,offer-twenty,ideal-customer,rush-for-friday,concede-thirty,over-available,accept-final',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Debrief: Deal signed/);
    expect(r.out).toMatch(/Score \d+\/100, grade [A-F]/);
    expect(r.out).toMatch(/Gave without getting/);
  });

  it('unknown commands and scenarios are usage errors, not crashes', () => {
    expect(walkaway(['fly']).code).toBe(2);
    const r = walkaway(['play', 'no-such-scenario']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no scenario "no-such-scenario"; shipped scenarios: .*enterprise-deal/);
  });

  it('speaks the JSONL protocol through a real child process, including a bad choice id', async () => {
    const child = spawn(process.execPath, [BIN, 'play', 'enterprise-deal', '--persona', 'procurement-lead', '--seed', '5', '--jsonl'], { cwd: root });
    const lines = createInterface({ input: child.stdout });
    const messages: Record<string, unknown>[] = [];
    const prefs = [
      'build-pipeline',
      'set-walk-away',
      'research-buyer',
      'ask-what-if-not',
      'ask-alternatives',
      'mention-pipeline',
      'test-stand',
      'let-them-choose',
      'calm-on-deadline',
      'trade-implementation',
      'accept-final',
    ];
    let sentBad = false;
    for await (const line of lines) {
      const m = JSON.parse(line) as Record<string, unknown> & { type: string; choices?: { id: string }[] };
      messages.push(m);
      if (m.type === 'result') break;
      if (m.type === 'turn') {
        if (!sentBad && m.turn === 4) {
          sentBad = true;
          child.stdin.write('not-a-choice\n');
          continue;
        }
        const pick = prefs.find((p) => m.choices!.some((c) => c.id === p)) ?? m.choices![0]!.id;
        child.stdin.write(pick + '\n');
      }
    }
    child.stdin.end();
    await new Promise((r) => child.on('close', r));
    expect(child.exitCode).toBe(0);

    const first = messages[0]!;
    expect(first).toMatchObject({ type: 'turn', turn: 1, phase: 'prep' });
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['speaker', 'line', 'terms', 'value', 'walkAwayValue', 'choices']));
    const errorAt = messages.findIndex((m) => m.type === 'error');
    expect(messages[errorAt]!.message).toMatch(/no choice "not-a-choice"/);
    // The same turn is offered again after the error.
    expect(messages[errorAt + 1]).toEqual(messages[errorAt - 1]);
    const result = messages.at(-1)!;
    expect(result).toMatchObject({ type: 'result', outcome: 'deal' });
    expect(result.score).toMatchObject({ total: expect.any(Number), grade: expect.stringMatching(/^[A-F]$/) });
    expect(Object.keys((result.score as { dimensions: object }).dimensions)).toEqual([
      'value',
      'concessions',
      'signalling',
      'discovery',
      'relationship',
      'preparation',
    ]);
    expect(result.walkAwayValue).toBe(160);
    expect(Array.isArray(result.transcript)).toBe(true);
    expect(Array.isArray(result.antiPatterns)).toBe(true);
  });
});
