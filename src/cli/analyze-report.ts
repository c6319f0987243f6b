import { formatValue, type CompiledScenario } from '../engine/index.ts';
import { valueUnit } from '../engine/persona/worth.ts';
import type { ReportedDeal, TrainerReport } from '../engine/analysis/trainer-report.ts';

/** The scenario's numbers in one line: what a deal's value is in, and the walk-away and target (money only when every issue is money, as the game shows them). */
export function formatValueLegend(c: CompiledScenario): string {
  const s = c.scenario;
  const unit = valueUnit(c);
  const money = s.issues.filter((i) => i.money).map((i) => i.id);
  const what =
    unit === s.unit
      ? `in ${unit}`
      : money.length
        ? `in points (${money.join(', ')} in ${s.unit}, the other issues on the same scale)`
        : `in points (${s.unit})`;
  return `values ${what}; a deal is worth the sum of its options' "you" values; walk-away ${formatValue(s.walkAway, unit)}, target ${formatValue(s.target, unit)}`;
}

/** One persona's trainer report as lines of text (`walkaway analyze`, `walkaway audit --explore`). */
export function formatTrainerReport(c: CompiledScenario, r: TrainerReport, indent = ''): string[] {
  const unit = valueUnit(c);
  const v = (n: number) => formatValue(n, unit);
  const lines: string[] = [];
  const out = (l: string) => lines.push(indent + l);
  out(`${r.personaName} (${r.personaId}), difficulty ${r.difficulty}: ${r.paths.toLocaleString('en')} paths`);
  const deal = (label: string, d: ReportedDeal | null) => {
    if (!d) return out(`  ${label}: none (no path ends in a signed deal)`);
    const against = d.sound ? `at or above the walk-away of ${v(d.walkAway)}` : `BELOW the walk-away of ${v(d.walkAway)}`;
    out(`  ${label}: ${v(d.value)}, ${against}, score ${d.score}`);
    out(`    terms: ${d.terms.map((t) => `${t.issueLabel}: ${t.optionLabel}`).join('; ')}`);
    out(`    by: ${d.choices.join(', ')}`);
  };
  deal('best deal a rep can sign', r.deals.best);
  deal('worst deal a rep can sign', r.deals.worst);
  out(`  deals at or above the walk-away: ${r.deals.atOrAboveWalkAway.toLocaleString('en')} of ${r.deals.paths.toLocaleString('en')} paths that sign`);
  out(
    r.walkAway.reachable
      ? `  walking away: possible on ${r.walkAway.paths.toLocaleString('en')} paths; the right call (no offer reached the walk-away by the final offer) on ${r.walkAway.rightCall.toLocaleString('en')}`
      : '  walking away: never possible',
  );
  const range = (x: { best: number | null; worst: number | null }) =>
    x.best === null ? 'never' : x.best === x.worst ? String(x.best) : `${x.worst}-${x.best}`;
  out(
    `  score for walking away ${range(r.scores.walking)}; for signing ${range(r.scores.signing)} (all paths: min ${r.scores.overall.min}, median ${r.scores.overall.median}, max ${r.scores.overall.max})`,
  );
  out(
    r.fewChoices.length
      ? `  beats with fewer than two choices: ${r.fewChoices.map((b) => `"${b.beat}" (${b.min === b.max ? b.min : `${b.min}-${b.max}`} shown)`).join(', ')}`
      : '  every beat offers at least two choices',
  );
  for (const d of r.deadEnds) out(`  DEAD END at beat "${d.beat}" (first at turn ${d.turn}): no choice is available`);
  for (const w of r.warnings) out(`  warning: ${w}`);
  return lines;
}
