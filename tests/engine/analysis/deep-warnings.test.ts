import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileScenario, loadScenario } from '../../../src/engine/index.ts';
import { deepWarnings } from '../../../src/engine/analysis/deep-warnings.ts';
import { exploreScenario } from '../../../src/engine/analysis/explore.ts';
import { trainerReports } from '../../../src/engine/analysis/trainer-report.ts';

const read = (url: URL) => readFileSync(url, 'utf8');
const MINI = read(new URL('../../fixtures/mini.yaml', import.meta.url));
const BELOW = read(new URL('../scenario/fixtures/deal-below-walk-away.yaml', import.meta.url));
const UNTESTED = read(new URL('../scenario/fixtures/walk-away-never-tested.yaml', import.meta.url));

function analyse(text: string) {
  const c = compileScenario(loadScenario(text, 'x.yaml'));
  return { c, analysis: exploreScenario(c) };
}

describe('deep warnings (walkaway check --deep)', () => {
  it('a persona whose best deal is below the walk-away: signing never pays', () => {
    const { c, analysis } = analyse(BELOW);
    const [w, ...rest] = deepWarnings(c, analysis.personas);
    expect(rest).toEqual([]);
    expect(w!.path).toEqual(['personas', 0]);
    expect(w!.message).toMatch(
      /^persona "buyer": the best deal a rep can sign is worth 65 \(Price: 10% off, Term: Two years\), below the walk-away \(70\): signing never pays/,
    );
  });

  it('a persona against whom walking away is never the right call: the walk-away is never tested', () => {
    // The mini fixture itself has paths where walking is right; with a walk-away below every offer it has none.
    const mini = analyse(MINI);
    expect(deepWarnings(mini.c, mini.analysis.personas)).toEqual([]);
    const { c, analysis } = analyse(UNTESTED);
    expect(deepWarnings(c, analysis.personas).map((w) => w.message)).toEqual([expect.stringMatching(/^persona "buyer": walking away is never the right call/)]);
  });

  it('the deals found are the best and worst a rep can sign, by value, with the path that signs them', () => {
    const { c, analysis } = analyse(MINI);
    const [report] = trainerReports(c, analysis.personas);
    const { best, worst } = report!.deals;
    expect(best!.value).toBeGreaterThan(worst!.value);
    // Each is what its terms are worth, and its path really signs those terms.
    for (const d of [best!, worst!]) {
      const terms = Object.fromEntries(d.terms.map((t) => [t.issue, t.option]));
      expect(c.space.valueOf(terms)).toBe(d.value);
      expect(d.choices.at(-1)).toBe('sign');
    }
    expect(report!.walkAway.reachable).toBe(true);
    expect(report!.walkAway.rightCall).toBeGreaterThan(0);
    expect(report!.walkAway.rightCall).toBeLessThanOrEqual(report!.walkAway.paths);
    expect(report!.deals.atOrAboveWalkAway).toBeLessThan(report!.deals.paths);
    expect(report!.scores.signing.best).toBeGreaterThanOrEqual(best!.score);
  });
});

describe('deepCheckText (what the studio calls)', () => {
  it('gives the errors of a broken file, or its warnings and deep warnings located in the text', async () => {
    const { deepCheckText } = await import('../../../src/engine/analysis/deep-warnings.ts');
    const broken = deepCheckText(BELOW.replace('    patience: 2', '    patience: soon'), 'x.yaml');
    expect(broken.map((p) => [p.path, p.severity ?? 'error'])).toEqual([['personas[1].patience', 'error']]);
    const deep = deepCheckText(BELOW.replace('tags: [hold, batna:strong]\n', 'tags: [hold, batna-strong]\n'), 'x.yaml');
    expect(deep.map((p) => [p.path, p.severity])).toEqual([
      ['beats[2].choices[3].tags[2]', 'warning'],
      ['personas[1]', 'warning'],
    ]);
    expect(deep[1]!.line).toBe(BELOW.split('\n').findIndex((l) => l.includes('- id: buyer')) + 1);
  });
});
