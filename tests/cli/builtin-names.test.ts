import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, walkaway } from './child.ts';

/** The fixture whose scenario, persona, beat, choice, issue, option and discovery ids are "constructor". */
const FIXTURE = join(root, 'tests/fixtures/builtin-names.yaml');

describe('a scenario whose ids are named like built-in object properties', () => {
  it('passes check', () => {
    const r = walkaway(['check', FIXTURE]);
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  });

  it('analyze explores it (every beat and choice reachable), play follows its best path to the same score, and replay rebuilds that game', () => {
    const analyzed = walkaway(['analyze', FIXTURE, '--json']);
    expect(analyzed.code, analyzed.err).toBe(0);
    const a = JSON.parse(analyzed.out) as {
      scenarioId: string;
      unreachableBeats: string[];
      unreachableChoices: string[];
      personas: { personaId: string; best: { score: number; choices: string[] } }[];
    };
    expect(a.scenarioId).toBe('constructor');
    expect(a.unreachableBeats).toEqual([]);
    expect(a.unreachableChoices).toEqual([]);
    const robin = a.personas.find((p) => p.personaId === 'constructor')!;

    const played = walkaway(['play', FIXTURE, '--persona', 'constructor', '--jsonl', '--choices', robin.best.choices.join(',')]);
    expect(played.code, played.err).toBe(0);
    const lines = played.out.trim().split('\n');
    expect(played.out).not.toMatch(/native code|\[object /);
    const result = JSON.parse(lines.at(-1)!) as { type: string; score: { total: number }; attempt: { scenarioId: string; personaId: string; moves: string[] } };
    expect(result.type).toBe('result');
    expect(result.score.total).toBe(robin.best.score);
    expect(result.attempt).toMatchObject({ scenarioId: 'constructor', personaId: 'constructor', moves: robin.best.choices });
    // The opening beat's line is written for every persona by default only.
    expect(lines.map((l) => JSON.parse(l) as { line?: string }).some((m) => m.line?.endsWith('We need 20% off.'))).toBe(true);

    const replayed = walkaway(['replay', '-', '--scenario', FIXTURE, '--json'], lines.at(-1)!);
    expect(replayed.code, replayed.err).toBe(0);
    expect(replayed.out.trim()).toBe(lines.at(-1));
    // Not shipped: replay says where to find it.
    const unshipped = walkaway(['replay', '-'], lines.at(-1)!);
    expect(unshipped.code).toBe(1);
    expect(unshipped.err.trim()).toBe('walkaway: no shipped scenario "constructor"; give the file it was played on with --scenario FILE');
  }, 60_000);

  it('plays in the terminal (coach mode: hints shown) against the other persona with the texts the file gives', () => {
    const t = walkaway(['play', FIXTURE, '--persona', 'buyer', '--mode', 'coach', '--choices', 'skip-prep,ask-deadline,hold-middle,sign']);
    expect(t.code, t.err).toBe(0);
    expect(t.out).toMatch(/Coach: Sam answers questions\. Ask\./);
    expect(t.out).toMatch(/Debrief: Deal signed/);
    expect(t.out).not.toMatch(/native code|\[object /);
  });
});
