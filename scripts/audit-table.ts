// Prints the "Teaching audit" tables of scenarios/README.md from a fresh audit of the shipped scenarios:
//   npx tsx scripts/audit-table.ts
import { readFileSync } from 'node:fs';
import { compileScenario, loadScenario } from '../src/engine/index.ts';
import { auditScenario, INVARIANT_IDS } from '../src/engine/analysis/audit.ts';
import { DEFAULT_AUDIT_SEEDS } from '../src/cli/audit.ts';

const ids = ['tutorial', 'enterprise-deal', 'renewal', 'dominant-vendor'];
const SHOWN = ['disciplined', 'strong-signal', 'weak-signal', 'trader', 'never-trader', 'never-asker', 'walker', 'holder', 'first-button', 'random'] as const;
const audits = ids.map((id) =>
  auditScenario(compileScenario(loadScenario(readFileSync(`scenarios/${id}.yaml`, 'utf8'), `scenarios/${id}.yaml`)), { seeds: DEFAULT_AUDIT_SEEDS }),
);
const mark = { pass: 'PASS', fail: '**FAIL**', 'n/a': 'n/a' } as const;

console.log(
  `Mean score per archetype (${DEFAULT_AUDIT_SEEDS} seeds; random play and the one-note strategies off their note ${DEFAULT_AUDIT_SEEDS * 5} games):\n`,
);
console.log(`| scenario / persona | ${SHOWN.join(' | ')} |`);
console.log(`| --- | ${SHOWN.map(() => '---').join(' | ')} |`);
for (const a of audits)
  for (const p of a.personas)
    console.log(`| ${a.scenarioId} / ${p.personaId} | ${SHOWN.map((id) => p.archetypes.find((x) => x.archetype === id)!.meanScore.toFixed(1)).join(' | ')} |`);
console.log('\nTeaching invariants per persona:\n');
console.log(`| scenario / persona | ${INVARIANT_IDS.join(' | ')} |`);
console.log(`| --- | ${INVARIANT_IDS.map(() => '---').join(' | ')} |`);
for (const a of audits)
  for (const p of a.personas)
    console.log(`| ${a.scenarioId} / ${p.personaId} | ${INVARIANT_IDS.map((id) => mark[p.invariants.find((i) => i.id === id)!.status]).join(' | ')} |`);
