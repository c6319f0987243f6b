import { compileScenario, type Scenario } from '../engine/index.ts';
import { ARCHETYPES } from '../engine/analysis/archetypes.ts';
import { auditScenario, type ScenarioAudit } from '../engine/analysis/audit.ts';
import { resolveScenario, shippedScenarios, UsageError } from './scenario-files.ts';
import type { Io } from './io.ts';

export interface AuditOptions {
  /** Scenario ids or files; none means every shipped scenario. */
  scenarios: string[];
  seeds?: number;
  json: boolean;
}

export const DEFAULT_AUDIT_SEEDS = 8;

/**
 * `walkaway audit`: plays the strategy archetypes against every persona of each scenario and prints,
 * per persona, each archetype's mean score, deal rate and mean value, then PASS/FAIL for every teaching
 * invariant with its numbers. Exit 1 when any invariant fails.
 */
export function auditCommand(o: AuditOptions, io: Io): number {
  const seeds = o.seeds ?? DEFAULT_AUDIT_SEEDS;
  if (!Number.isInteger(seeds) || seeds < 1 || seeds > 1000) throw new UsageError(`--seeds takes a whole number from 1 to 1000, not "${o.seeds}"`);
  const scenarios: Scenario[] = o.scenarios.length ? o.scenarios.map((ref) => resolveScenario(ref).scenario) : shippedScenarios().map((s) => s.scenario);
  const audits = scenarios.map((s) => auditScenario(compileScenario(s), { seeds }));
  if (o.json) io.out(JSON.stringify(audits.length === 1 && o.scenarios.length === 1 ? audits[0] : audits, null, 2));
  else for (const a of audits) for (const line of formatAudit(a)) io.out(line);
  return audits.every((a) => a.passed) ? 0 : 1;
}

const pad = (s: string | number, n: number) => String(s).padStart(n);

/** The audit as a plain-text table per persona (also pasted into the trainers' guide). */
export function formatAudit(a: ScenarioAudit): string[] {
  const lines: string[] = [];
  const failed = a.personas.reduce((n, p) => n + p.invariants.filter((i) => i.status === 'fail').length, 0);
  lines.push(`${a.scenarioId}: ${a.title}`);
  lines.push(`  ${a.seeds} seeds per archetype and persona, ${a.games} games; walk-away ${a.walkAway}, target ${a.target} (${a.unit})`);
  lines.push(`  value = what the outcome is worth to you: the deal, or your walk-away value without one`);
  for (const p of a.personas) {
    lines.push('');
    lines.push(`  ${p.personaName} (${p.personaId})`);
    lines.push(`    ${'archetype'.padEnd(17)} ${pad('score', 6)} ${pad('min-max', 8)} ${pad('deals', 6)} ${pad('value', 7)} ${pad('best offer', 10)}`);
    for (const s of p.archetypes) {
      const bad = ARCHETYPES.find((x) => x.id === s.archetype)?.bad ? '*' : ' ';
      lines.push(
        `    ${(s.archetype + bad).padEnd(17)} ${pad(s.meanScore.toFixed(1), 6)} ${pad(`${s.minScore}-${s.maxScore}`, 8)} ${pad(`${Math.round(s.dealRate * 100)}%`, 6)} ${pad(s.meanValue.toFixed(1), 7)} ${pad(s.meanBestOffer.toFixed(1), 10)}`,
      );
    }
    for (const i of p.invariants) lines.push(`    ${i.status.toUpperCase().padEnd(4)} ${i.label}: ${i.detail}`);
  }
  lines.push('');
  lines.push(`  * a strategy a negotiator knows is bad`);
  lines.push(failed ? `  ${a.scenarioId}: ${failed} invariant check${failed === 1 ? '' : 's'} FAILED` : `  ${a.scenarioId}: every teaching invariant holds`);
  lines.push('');
  return lines;
}
