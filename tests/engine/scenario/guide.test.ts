import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScenarioText, compileScenario } from '../../../src/engine/index.ts';
import { LIMITS } from '../../../src/engine/scenario/schema.ts';
import { FILE_LIMITS } from '../../../src/engine/scenario/load.ts';
import { exploreScenario } from '../../../src/engine/analysis/explore.ts';
import { trainerReports } from '../../../src/engine/analysis/trainer-report.ts';

const GUIDE = readFileSync(new URL('../../../scenarios/README.md', import.meta.url), 'utf8');
const EXAMPLE = readFileSync(new URL('../../../scenarios/examples/numbers-example.yaml', import.meta.url), 'utf8');

/** The rows of the markdown table that follows a heading, as arrays of cells. */
function tableAfter(heading: string): string[][] {
  const from = GUIDE.indexOf(`\n${heading}\n`);
  if (from < 0) throw new Error(`the guide has no heading ${heading}`);
  const lines = GUIDE.slice(from).split('\n');
  const start = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
  }
  return rows;
}

const number = (cell: string) => Number(/^[\d,]+/.exec(cell)![0].replace(/,/g, ''));

describe("the trainers' guide explains the numbers the engine uses", () => {
  it('its worked example passes check with no problem at all, not even a warning', () => {
    const checked = checkScenarioText(EXAMPLE, 'numbers-example.yaml');
    expect(checked.problems).toEqual([]);
    expect(checked.scenario?.id).toBe('numbers-example');
  });

  it("its limits table is the loader's limits", () => {
    const rows = new Map(tableAfter('## Limits').map(([what, most]) => [what!, number(most!)]));
    const expected: Record<string, number> = {
      issues: LIMITS.issues,
      'options per issue': LIMITS.options,
      'packages (options multiplied across issues)': LIMITS.packages,
      beats: LIMITS.beats,
      interjections: LIMITS.interjections,
      'choices per beat': LIMITS.choices,
      personas: LIMITS.personas,
      facts: LIMITS.facts,
      'discovery items': LIMITS.discovery,
      'characters in an id or a tag': LIMITS.idChars,
      'characters in a name, label, title or the `unit`': LIMITS.labelChars,
      'characters in a line of text': LIMITS.textChars,
      'a scoring weight': LIMITS.weight,
      'characters in the file': FILE_LIMITS.chars,
      'levels of nesting': FILE_LIMITS.depth,
      'alias expansions (`*name`)': FILE_LIMITS.aliases,
    };
    for (const [what, most] of Object.entries(expected)) expect(rows.get(what), what).toBe(most);
    expect([...rows].find(([what]) => what.startsWith('items in a short list'))?.[1]).toBe(LIMITS.list);
    expect([...rows].find(([what]) => what.startsWith('any value'))?.[1]).toBe(LIMITS.value);
  });

  it('its tables of what each deal is worth, to the player and to the counterpart, are what the engine computes', () => {
    const c = compileScenario(checkScenarioText(EXAMPLE, 'numbers-example.yaml').scenario!);
    const price: Record<string, string> = { '$100K (list)': 'list', '$90K (10% off)': 'd10', '$80K (20% off)': 'd20' };
    const term: Record<string, string> = { 'one year': 'one-year', 'two years': 'two-year' };
    const termsOf = (deal: string) => {
      const [p, t] = deal.split(', ');
      return { price: price[p!]!, term: term[t!]! };
    };
    const toPlayer = tableAfter('### Values to the player: `unit`, `you`, `walkAway`, `target`');
    expect(toPlayer).toHaveLength(4);
    for (const [deal, worth] of toPlayer) expect(c.space.valueOf(termsOf(deal!)), deal).toBe(Number(/= (\d+)/.exec(worth!)![1]));
    // The counterpart's worth: each option's `them` less its issue's lowest, over the sum of the issues' spreads.
    const spread = (id: string) => c.scenario.issues.find((i) => i.id === id)!.options.map((o) => o.them);
    const total = c.scenario.issues.reduce((a, i) => a + Math.max(...spread(i.id)) - Math.min(...spread(i.id)), 0);
    const them = (issue: string, option: string) =>
      c.scenario.issues.find((i) => i.id === issue)!.options.find((o) => o.id === option)!.them - Math.min(...spread(issue));
    const toThem = tableAfter('### Values to the counterpart: `them` and its floor');
    expect(toThem).toHaveLength(5);
    for (const [deal, worth] of toThem) {
      const t = termsOf(deal!);
      expect((them('price', t.price) + them('term', t.term)) / total, deal).toBeCloseTo(Number(/= ([\d.]+)$/.exec(worth!)![1]), 2);
    }
  });

  it("the best deals it quotes for the example's personas are what analyze finds", () => {
    const c = compileScenario(checkScenarioText(EXAMPLE, 'numbers-example.yaml').scenario!);
    const reports = trainerReports(c, exploreScenario(c).personas);
    const best = Object.fromEntries(reports.map((r) => [r.personaId, r.deals.best!.value]));
    const said = (words: string) => expect(GUIDE.replace(/\s+/g, ' ')).toContain(words);
    said('now 10% off for two years (0.43 to her, 102 to the player) passes');
    expect(best['steady-buyer']).toBe(102);
    said('`analyze` finds the best a rep can sign against him on the scripted choices worth 92');
    expect(best['firm-buyer']).toBe(92);
  });
});
