import { compileScenario, type CompiledScenario, type Scenario } from '../engine/index.ts';
import { ExplorationLimitError } from '../engine/analysis/explore.ts';
import { trainerReports, type TrainerReport } from '../engine/analysis/trainer-report.ts';
import { explorePersonasInParallel } from './analyze.ts';
import { formatTrainerReport, formatValueLegend } from './analyze-report.ts';
import { auditCommand, type AuditOptions } from './audit.ts';
import { resolveScenario, shippedScenarios } from './scenario-files.ts';
import type { Io } from './io.ts';

/**
 * `walkaway audit --explore`: the teaching audit, followed for each scenario by what every path of each
 * persona lets a rep sign (the report of `walkaway analyze`): the sampled archetypes say how strategies
 * fare, the paths say what is possible at all. With --json, each persona of the audit gains `explored`.
 */
export async function auditWithExplorationCommand(o: AuditOptions, io: Io): Promise<number> {
  const printed: string[] = [];
  const code = auditCommand(o, { ...io, out: (l: string) => printed.push(l) });
  const files: { file: string; scenario: Scenario }[] = o.scenarios.length ? o.scenarios.map(resolveScenario) : shippedScenarios();
  const reports = new Map<string, TrainerReport[]>();
  const compiled = new Map<string, CompiledScenario>();
  for (const { file, scenario } of files) {
    const c = compileScenario(scenario);
    compiled.set(scenario.id, c);
    try {
      reports.set(scenario.id, trainerReports(c, await explorePersonasInParallel(c, file, [...c.personas.keys()], 1, () => {})));
    } catch (e) {
      if (!(e instanceof ExplorationLimitError)) throw e;
      io.err(`walkaway: audit --explore could not explore every path of ${scenario.id}: ${e.message}`);
    }
  }
  if (o.json) {
    const parsed = JSON.parse(printed.join('\n')) as AuditJson | AuditJson[];
    for (const audit of Array.isArray(parsed) ? parsed : [parsed])
      for (const p of audit.personas) p.explored = reports.get(audit.scenarioId)?.find((r) => r.personaId === p.personaId) ?? null;
    io.out(JSON.stringify(parsed, null, 2));
    return code;
  }
  for (const line of printed) io.out(line);
  for (const { scenario } of files) {
    const rs = reports.get(scenario.id);
    if (!rs) continue;
    io.out(`${scenario.id}: what a rep can sign, every path explored`);
    const c = compiled.get(scenario.id)!;
    io.out(`  ${formatValueLegend(c)}`);
    for (const r of rs) {
      io.out('');
      for (const line of formatTrainerReport(c, r, '  ')) io.out(line);
    }
    io.out('');
  }
  return code;
}

interface AuditJson {
  scenarioId: string;
  personas: { personaId: string; explored?: TrainerReport | null }[];
}
