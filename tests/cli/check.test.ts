import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/io.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const mistake = (name: string) => fileURLToPath(new URL(`../engine/scenario/fixtures/${name}`, import.meta.url));
const shipped = (name: string) => fileURLToPath(new URL(`../../scenarios/${name}`, import.meta.url));

async function check(paths: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } as unknown as Io;
  const code = await main(['check', ...paths], io);
  return { code, out, err };
}

describe('walkaway check', () => {
  it('reports an alias bomb as one located problem and goes on to check the next file', async () => {
    const r = await check([fixture('alias-bomb.yaml'), shipped('tutorial.yaml')]);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([expect.stringMatching(/alias-bomb\.yaml:3:8 {2}\(file\) {2}too many aliases/)]);
    expect(r.err).toEqual(['1 problem(s) in 2 file(s) checked']);
    // The second file was checked: on its own it is valid, and a broken one after the bomb is reported too.
    const both = await check([fixture('alias-bomb.yaml'), fixture('no-accept.yaml')]);
    expect(both.out).toHaveLength(2);
    expect(both.out[1]).toMatch(/no-accept\.yaml:\d+:\d+ {2}beats\[4\]\.choices {2}the final offer has no "accept" choice/);
  });

  it('reports each unplayable fixture as file:line:col  field  message', async () => {
    const r = await check(['final-offer-to-prep.yaml', 'hidden-choices.yaml', 'no-accept.yaml', 'huge-weights.yaml', 'extra-issues.yaml'].map(fixture));
    expect(r.code).toBe(1);
    const fields = r.out.map((l) => l.split('  ')[1]);
    expect(fields).toEqual([
      'beats[4].choices[3].next',
      'beats[3].choices',
      'beats[4].choices',
      'scoring.weights.value',
      'scoring.weights.concessions',
      'proposal',
      'issues',
    ]);
    for (const line of r.out) expect(line).toMatch(/^\S+\.yaml:\d+:\d+ {2}\S+ {2}\S/);
  });

  it('prints warnings as file:line:col  warning  field  message and exits 0, or 1 with --strict', async () => {
    const mistakes = ['trade-signs-more.yaml', 'mistyped-tags.yaml', 'one-choice-beat.yaml'].map(mistake);
    const r = await check(mistakes);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(4);
    for (const line of r.out) expect(line).toMatch(/^\S+\.yaml:\d+:\d+ {2}warning {2}\S+ {2}\S/);
    expect(r.out.join('\n')).toMatch(/trade-signs-more\.yaml:\d+:\d+ {2}warning {2}beats\[3\]\.choices\[2\]\.give\.price {2}the text says "5%"/);
    expect(r.err).toEqual(['3 scenario file(s) valid, 4 warning(s)']);
    const strict = await check([...mistakes, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.out).toEqual(r.out);
  });

  it('shows a syntax problem with its line and a caret', async () => {
    const r = await check([mistake('mis-indented.yaml')]);
    expect(r.code).toBe(1);
    expect(r.out).toHaveLength(1);
    const [head, source, caret] = r.out[0]!.split('\n');
    expect(head).toMatch(/mis-indented\.yaml:\d+:4 {2}\(file\) {2}this line is not indented like the lines around it/);
    expect(source).toMatch(/\| {4}label: Price$/);
    expect(caret).toMatch(/\| {4}\^$/);
  });

  it('passes the four shipped scenarios and the shipped learning path', async () => {
    const r = await check([]);
    expect(r.code).toBe(0);
    expect(r.err).toEqual(['4 scenario file(s) and 1 learning path file(s) valid']);
  });
});
