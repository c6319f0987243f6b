// Prints the "Analysis of the shipped scenarios" table of scenarios/README.md from a fresh exploration:
//   npx tsx scripts/analysis-table.ts
import { readFileSync } from 'node:fs';
import { compileScenario, loadScenario } from '../src/engine/index.ts';
import { exploreScenario } from '../src/engine/analysis/explore.ts';

const ids = ['enterprise-deal', 'renewal', 'dominant-vendor', 'tutorial'];
const n = (x: number) => x.toLocaleString('en');
console.log(
  '| scenario | persona | paths | states | decisions | score min / median / max | deal / walked away / they walked | best path (score) | worst path (score) | anti-patterns reachable |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const id of ids) {
  const c = compileScenario(loadScenario(readFileSync(`scenarios/${id}.yaml`, 'utf8'), `scenarios/${id}.yaml`));
  const a = exploreScenario(c);
  for (const p of a.personas) {
    const o = p.outcomes;
    console.log(
      `| ${id} | ${p.personaId} | ${n(p.paths)} | ${n(p.states)} | ${p.decisions.min}-${p.decisions.max} | ${p.scores.min} / ${p.scores.median} / ${p.scores.max} | ` +
        `${n(o.deal)} / ${n(o['walked-away'])} / ${n(o['counterpart-walked'])} | (${p.best.score}) ${p.best.choices.join(', ')} | (${p.worst.score}) ${p.worst.choices.join(', ')} | ${p.antiPatternsReachable.join(', ')} |`,
    );
  }
}
