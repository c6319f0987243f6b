import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/io.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
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
    expect(both.out[1]).toMatch(/no-accept\.yaml:\d+:\d+ {2}beats\.3\.choices {2}the final offer has no "accept" choice/);
  });

  it('reports each unplayable fixture as file:line:col  field  message', async () => {
    const r = await check(['final-offer-to-prep.yaml', 'hidden-choices.yaml', 'no-accept.yaml', 'huge-weights.yaml', 'extra-issues.yaml'].map(fixture));
    expect(r.code).toBe(1);
    const fields = r.out.map((l) => l.split('  ')[1]);
    expect(fields).toEqual(['beats.3.choices.2.next', 'beats.2.choices', 'beats.3.choices', 'scoring.weights.value', 'scoring.weights.concessions', 'proposal', 'issues']);
    for (const line of r.out) expect(line).toMatch(/^\S+\.yaml:\d+:\d+ {2}\S+ {2}\S/);
  });

  it('passes the four shipped scenarios', async () => {
    const r = await check([]);
    expect(r.code).toBe(0);
    expect(r.err).toEqual(['4 scenario file(s) valid']);
  });
});
