import { compileScenario, type CompiledScenario } from '../persona/compile.ts';
import { checkScenarioText, locateWarnings } from '../scenario/load.ts';
import type { ScenarioProblem } from '../scenario/problems.ts';
import type { ScenarioWarning } from '../scenario/warnings.ts';
import { exploreScenario, type DealEnd, type PersonaAnalysis } from './explore.ts';

/**
 * Everything `walkaway check --deep` reports on a scenario's text, in one call on one thread (the
 * studio runs it in a worker): its errors, or its warnings and deep warnings, located in the text.
 * Throws ExplorationLimitError when a file is too large to explore.
 */
export function deepCheckText(text: string, file: string, onProgress?: (personaId: string, states: number) => void): ScenarioProblem[] {
  const checked = checkScenarioText(text, file);
  if (!checked.scenario) return checked.problems;
  const c = compileScenario(checked.scenario);
  const deep = locateWarnings(text, file, deepWarnings(c, exploreScenario(c, { onProgress }).personas));
  return [...checked.problems, ...deep].sort((a, b) => a.line - b.line || a.col - b.col);
}

/**
 * What only playing every path shows (`walkaway check --deep`, the studio's teaching table): a persona
 * against whom signing never pays, or against whom walking away is never the right call, so the
 * walk-away the rep prepared is never put to the test. Pure: reads explorations of the personas.
 */
export function deepWarnings(c: CompiledScenario, analyses: readonly PersonaAnalysis[]): ScenarioWarning[] {
  const out: ScenarioWarning[] = [];
  const personas = c.scenario.personas;
  for (const a of analyses) {
    const index = personas.findIndex((p) => p.id === a.personaId);
    if (index < 0) continue;
    const path = ['personas', index];
    const best = a.deals.best;
    if (a.deals.paths === 0)
      out.push({ path, message: `persona "${a.personaId}": no path ends in a signed deal, so a rep can never practise closing against this persona` });
    else if (best && a.deals.soundPaths === 0)
      out.push({
        path,
        message: `persona "${a.personaId}": the best deal a rep can sign is worth ${best.value} (${describeTerms(c, best)}), below the walk-away (${best.walkAway}): signing never pays against this persona; raise what the counterpart can give or lower the walk-away`,
      });
    if (a.walking.rightCalls === 0)
      out.push({
        path,
        message: `persona "${a.personaId}": walking away is never the right call (on no path does every offer stay below the walk-away up to the final offer), so this persona never tests the rep's walk-away; if it should, give the counterpart a firmer floor (a stronger persona batna) so that on some path its final offer stays below the walk-away`,
      });
  }
  return out;
}

/** Terms as a trainer reads them: each issue's label and the option's label. */
export function describeTerms(c: CompiledScenario, deal: Pick<DealEnd, 'terms'>): string {
  return c.scenario.issues.map((i) => `${i.label}: ${i.options.find((o) => o.id === deal.terms[i.id])?.label ?? deal.terms[i.id] ?? '?'}`).join(', ');
}
