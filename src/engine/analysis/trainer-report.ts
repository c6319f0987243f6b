import type { CompiledScenario } from '../persona/compile.ts';
import { deepWarnings } from './deep-warnings.ts';
import type { DealEnd, PersonaAnalysis } from './explore.ts';

/** One issue of a deal as a trainer reads it: the issue and the option signed, by id and label. */
export interface SignedTerm {
  issue: string;
  issueLabel: string;
  option: string;
  optionLabel: string;
}

/** A deal a rep can sign, with its terms spelt out. */
export interface ReportedDeal {
  /** What the deal is worth to the rep: the sum of the signed options' `you` values, in the scenario's unit. */
  value: number;
  /** The walk-away it was signed against (preparation may raise it). */
  walkAway: number;
  /** Whether it is at or above that walk-away. */
  sound: boolean;
  terms: SignedTerm[];
  score: number;
  /** The choices that lead to it, in order. */
  choices: string[];
}

/**
 * What every path of one persona means for a trainer: the best and worst deal a rep can sign against
 * it, whether walking away can be reached and is ever the right call, the scores walking and signing
 * earn, and the beats where the rep has little to decide. Read from an exploration of every path.
 */
export interface TrainerReport {
  personaId: string;
  personaName: string;
  difficulty: number;
  paths: number;
  deals: { best: ReportedDeal | null; worst: ReportedDeal | null; paths: number; atOrAboveWalkAway: number };
  walkAway: { reachable: boolean; paths: number; rightCall: number };
  scores: {
    walking: { best: number | null; worst: number | null };
    signing: { best: number | null; worst: number | null };
    overall: { min: number; median: number; max: number };
  };
  /** Beats where, in some position, fewer than two choices are shown: by id, with the fewest and most shown. */
  fewChoices: { beat: string; min: number; max: number }[];
  deadEnds: { beat: string; turn: number }[];
  /** The deep warnings of this persona (`walkaway check --deep`), in words. */
  warnings: string[];
}

export function trainerReports(c: CompiledScenario, analyses: readonly PersonaAnalysis[]): TrainerReport[] {
  const warnings = deepWarnings(c, analyses);
  return analyses.map((a) => {
    const persona = c.scenario.personas.find((p) => p.id === a.personaId)!;
    const index = c.scenario.personas.indexOf(persona);
    return {
      personaId: a.personaId,
      personaName: persona.name,
      difficulty: persona.difficulty,
      paths: a.paths,
      deals: { best: reportDeal(c, a.deals.best), worst: reportDeal(c, a.deals.worst), paths: a.deals.paths, atOrAboveWalkAway: a.deals.soundPaths },
      walkAway: { reachable: a.walking.paths > 0, paths: a.walking.paths, rightCall: a.walking.rightCalls },
      scores: {
        walking: { best: a.walking.bestScore, worst: a.walking.worstScore },
        signing: { best: a.signing.bestScore, worst: a.signing.worstScore },
        overall: a.scores,
      },
      fewChoices: Object.entries(a.choicesByBeat)
        .filter(([, n]) => n.min < 2)
        .map(([beat, n]) => ({ beat, ...n })),
      deadEnds: a.deadEnds.map(({ beat, turn }) => ({ beat, turn })),
      warnings: warnings.filter((w) => w.path[1] === index).map((w) => w.message),
    };
  });
}

function reportDeal(c: CompiledScenario, d: DealEnd | null): ReportedDeal | null {
  if (!d) return null;
  return {
    value: d.value,
    walkAway: d.walkAway,
    sound: d.value >= d.walkAway,
    terms: c.scenario.issues.map((i) => {
      const option = i.options.find((o) => o.id === d.terms[i.id]);
      return { issue: i.id, issueLabel: i.label, option: d.terms[i.id] ?? '', optionLabel: option?.label ?? '' };
    }),
    score: d.score,
    choices: d.choices,
  };
}
