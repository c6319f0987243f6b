import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileScenario, ScenarioSchema, Session, type CompiledScenario } from '../../../src/engine/index.ts';
import { explorePersona, exploreScenario, firstChoices, joinSubtrees, type PersonaAnalysis } from '../../../src/engine/analysis/explore.ts';
import { compiledFixture, compiledShipped, playChoices } from '../../helpers.ts';

const MINI = readFileSync(new URL('../../fixtures/mini.yaml', import.meta.url), 'utf8');

/** Every complete choice sequence of a persona, played through the Session itself (small scenarios only). */
function everyPath(c: CompiledScenario, personaId: string, seed: number): { choices: string[]; score: number; outcome: string }[] {
  const out: { choices: string[]; score: number; outcome: string }[] = [];
  const walk = (prefix: string[]) => {
    const s = playChoices(c, personaId, seed, prefix);
    const r = s.result();
    if (r) out.push({ choices: prefix, score: r.score.total, outcome: r.outcome });
    else for (const ch of s.snapshot().choices) walk([...prefix, ch.id]);
  };
  walk([]);
  return out;
}

describe('exploring every path', () => {
  it('finds no dead end or unreachable line in the mini fixture, and counts its paths', () => {
    const a = exploreScenario(compiledFixture('mini'));
    expect(a.unreachableBeats).toEqual([]);
    expect(a.unreachableChoices).toEqual([]);
    const [p] = a.personas;
    expect(p!.deadEnds).toEqual([]);
    // Counted independently: every choice sequence played to its end through the Session.
    const all = everyPath(compiledFixture('mini'), 'buyer', 1);
    expect(p!.paths).toBe(all.length);
    expect(p!.paths).toBeGreaterThan(30);
    const histogram = new Map<number, number>();
    for (const path of all) histogram.set(path.score, (histogram.get(path.score) ?? 0) + 1);
    expect(p!.histogram).toEqual([...histogram].sort((a, b) => a[0] - b[0]));
    expect(p!.outcomes).toEqual({
      deal: all.filter((x) => x.outcome === 'deal').length,
      'walked-away': all.filter((x) => x.outcome === 'walked-away').length,
      'counterpart-walked': all.filter((x) => x.outcome === 'counterpart-walked').length,
    });
    const scores = all.map((x) => x.score);
    expect(p!.scores.min).toBe(Math.min(...scores));
    expect(p!.scores.max).toBe(Math.max(...scores));
    expect(p!.scores.min).toBeLessThan(p!.scores.median);
    expect(p!.scores.median).toBeLessThan(p!.scores.max);
    expect(all.find((x) => x.choices.join() === p!.best.choices.join())?.score).toBe(p!.scores.max);
    expect(all.find((x) => x.choices.join() === p!.worst.choices.join())?.score).toBe(p!.scores.min);
    expect(p!.best.choices[0]).toBe('line-up-other');
    expect(p!.antiPatternsReachable).toEqual(expect.arrayContaining(['bluffing', 'threatening', 'concession-without-trade', 'ignoring-batna']));
  });

  it('finds a planted dead end and a planted unreachable line', () => {
    // Every choice of the middle beat now needs preparation, so skipping it leads nowhere; and a beat
    // placed after the final offer can never be reached.
    const planted = MINI.replace(/(tags: \[(claim:alternative|trade|threat|hold)\]\n)/g, '$1        requires: [other-deal]\n').replace(
      'interjections:',
      `  - id: orphan
    phase: bargaining
    line: Nobody ever hears this.
    choices:
      - { id: orphan-choice, text: Nobody ever says this., tags: [hold] }
interjections:`,
    );
    // `check` refuses such a file now; the explorer must still find what it plants, so it is built past the loader.
    const a = exploreScenario(compileScenario(ScenarioSchema.parse(parse(planted))));
    expect(a.personas[0]!.deadEnds).toEqual([expect.objectContaining({ beat: 'middle' })]);
    expect(a.unreachableBeats).toEqual(['orphan']);
    expect(a.unreachableChoices).toEqual(['orphan-choice']);
  });
});

describe('merging and splitting explorations', () => {
  /** Every path, played one by one through real sessions: the slow truth the explorer must match. */
  function bruteForce(c: ReturnType<typeof compiledFixture>, personaId: string) {
    const scores: number[] = [];
    const walk = (prefix: string[]) => {
      const s = Session.create(c, personaId, 1);
      for (const id of prefix) s.choose(id);
      if (s.isOver()) return scores.push(s.result()!.score.total);
      for (const ch of s.snapshot().choices) walk([...prefix, ch.id]);
    };
    walk([]);
    return scores.sort((a, b) => a - b);
  }

  it.each([
    ['mini', 'buyer'],
    ['tutorial', 'friendly-manager'],
  ])(
    '%s: merged states give the same paths and scores as playing every path',
    (name, personaId) => {
      const c = name === 'mini' ? compiledFixture('mini') : compiledShipped(name);
      const truth = bruteForce(c, personaId);
      const a = explorePersona(c, personaId, 1);
      expect(a.paths).toBe(truth.length);
      expect(a.states).toBeLessThanOrEqual(truth.length * 12);
      expect(a.histogram).toEqual([...new Set(truth)].map((score) => [score, truth.filter((t) => t === score).length]));
      expect(a.scores).toEqual({ min: truth[0], median: truth[Math.ceil(truth.length / 2) - 1], max: truth.at(-1) });
    },
    60_000,
  );

  it('joining the explorations of each first choice gives the whole exploration', () => {
    const c = compiledShipped('tutorial');
    const whole = explorePersona(c, 'friendly-manager', 1);
    const parts = firstChoices(c, 'friendly-manager', 1).map((id) => explorePersona(c, 'friendly-manager', 1, undefined, [id]));
    const joined = joinSubtrees(c, 'friendly-manager', 1, parts);
    const comparable = ({ states: _s, reachedBeats, reachedChoices, ...rest }: PersonaAnalysis) => ({
      ...rest,
      reachedBeats: [...reachedBeats].sort(),
      reachedChoices: [...reachedChoices].sort(),
    });
    expect(comparable(joined)).toEqual(comparable(whole));
  });
});
