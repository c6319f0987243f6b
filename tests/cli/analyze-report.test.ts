import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/io.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const mistake = (name: string) => fileURLToPath(new URL(`../engine/scenario/fixtures/${name}`, import.meta.url));

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('walkaway analyze speaks to trainers', () => {
  it('per persona: best and worst deal with their terms, walking vs signing, beats with few choices by id', async () => {
    const r = await run(['analyze', mistake('one-choice-beat.yaml')]);
    const text = r.out.join('\n');
    expect(text).toMatch(/walk-away 40 points, target 70 points/);
    expect(text).toMatch(/Sam Lee \(buyer\), difficulty 2: \d+ paths/);
    expect(text).toMatch(/best deal a rep can sign: \d+ points, at or above the walk-away of 40 points, score \d+\n {4}terms: Price: [^;]+; Term: \w+/);
    expect(text).toMatch(/worst deal a rep can sign: \d+ points, BELOW the walk-away of 40 points/);
    expect(text).toMatch(/walking away: possible on \d+ paths; the right call .* on \d+/);
    expect(text).toMatch(/score for walking away \d+-\d+; for signing \d+-\d+/);
    expect(text).toMatch(/beats with fewer than two choices: "middle" \(1 shown\)/);
    expect(text).not.toMatch(/choices per decision/);
  });

  it('--json carries the same report', async () => {
    const r = await run(['analyze', mistake('deal-below-walk-away.yaml'), '--json']);
    const json = JSON.parse(r.out.join(''));
    expect(json).toMatchObject({ unit: 'pts', walkAway: 70, target: 75 });
    const report = json.personas[0].report;
    expect(report.deals.best).toMatchObject({ value: 65, sound: false, walkAway: 70 });
    expect(report.deals.best.terms).toEqual([
      { issue: 'price', issueLabel: 'Price', option: 'd10', optionLabel: '10% off' },
      { issue: 'term', issueLabel: 'Term', option: 'two-year', optionLabel: 'Two years' },
    ]);
    expect(report.deals.atOrAboveWalkAway).toBe(0);
    expect(report.walkAway.reachable).toBe(true);
    expect(report.warnings).toEqual([expect.stringMatching(/signing never pays/)]);
  });
});

describe('walkaway check --deep', () => {
  it('adds the warnings only playing every path shows, and exits 0 unless --strict', async () => {
    const r = await run(['check', '--deep', mistake('deal-below-walk-away.yaml'), mistake('walk-away-never-tested.yaml'), fixture('mini.yaml')]);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      expect.stringMatching(/deal-below-walk-away\.yaml:\d+:5 {2}warning {2}personas\[1\] {2}persona "buyer": the best deal a rep can sign is worth 65/),
      expect.stringMatching(/walk-away-never-tested\.yaml:\d+:5 {2}warning {2}personas\[1\] {2}persona "buyer": walking away is never the right call/),
    ]);
    expect((await run(['check', '--deep', '--strict', mistake('walk-away-never-tested.yaml')])).code).toBe(1);
    expect((await run(['check', '--deep', '--strict', fixture('mini.yaml')])).code).toBe(0);
    // Without --deep the same files have no warning.
    expect((await run(['check', mistake('deal-below-walk-away.yaml'), mistake('walk-away-never-tested.yaml')])).out).toEqual([]);
  });
});

describe('walkaway audit --explore', () => {
  it('adds what every path lets a rep sign to the audit, in text and in --json', async () => {
    const text = await run(['audit', mistake('deal-below-walk-away.yaml'), '--seeds', '1', '--explore']);
    const all = text.out.join('\n');
    expect(all).toMatch(/mini: what a rep can sign, every path explored/);
    expect(all).toMatch(/best deal a rep can sign: 65 points, BELOW the walk-away of 70 points/);
    const json = await run(['audit', mistake('deal-below-walk-away.yaml'), '--seeds', '1', '--explore', '--json']);
    const audit = JSON.parse(json.out.join('\n'));
    expect(audit.personas[0].explored).toMatchObject({ personaId: 'buyer', deals: { best: { value: 65, sound: false } }, walkAway: { reachable: true } });
    // The audit itself is unchanged: same exit code and the same archetype rows as without --explore.
    const plain = await run(['audit', mistake('deal-below-walk-away.yaml'), '--seeds', '1', '--json']);
    expect(json.code).toBe(plain.code);
    expect(audit.personas[0].archetypes).toEqual(JSON.parse(plain.out.join('\n')).personas[0].archetypes);
  });
});
