import { ANTI_PATTERNS, type AntiPatternId, type Outcome } from '../vocabulary.ts';
import type { CompiledScenario } from '../persona/compile.ts';
import type { NegotiationContext } from '../persona/context.ts';
import { personaOf } from '../persona/rules.ts';
import { DEFAULT_WEIGHTS, DIMENSIONS, DIMENSION_LABELS, type DimensionId } from './dimensions.ts';
import { CAPS, CHECKS, type CapDef, type CheckId, type ScoringInput } from './checks.ts';

export interface CheckResult {
  id: CheckId;
  label: string;
  passed: boolean;
  /** What the check is worth. */
  points: number;
  /** What it earned: all of `points` for a passed yes/no check, a share of them for a proportional one. */
  earned: number;
}

export interface DimensionScore {
  label: string;
  score: number;
  max: number;
  checks: CheckResult[];
}

export interface Score {
  total: number;
  grade: Grade;
  dimensions: Record<DimensionId, DimensionScore>;
  /** A limit that held the total down (the lowest that applies), with the reason the debrief shows. */
  cap: { id: CapDef['id']; max: number; reason: string } | null;
}

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

export function gradeOf(total: number): Grade {
  return total >= 90 ? 'A' : total >= 80 ? 'B' : total >= 70 ? 'C' : total >= 60 ? 'D' : 'F';
}

/** What the checks of a finished negotiation read. */
export function scoringInput(c: CompiledScenario, model: NegotiationContext['model'], outcome: Outcome): ScoringInput {
  const p = personaOf(c, model);
  const deal = outcome === 'deal';
  const signedFlags = new Set<string>();
  if (deal) for (const issue of c.scenario.issues) for (const f of issue.options.find((o) => o.id === model.terms[issue.id])?.flags ?? []) signedFlags.add(f);
  return {
    scenario: c.scenario,
    model,
    outcome,
    value: deal ? c.space.valueOf(model.terms) : 0,
    signals: p.signals,
    signedFlags,
    hasThreadsAction: c.hasThreadsAction,
    prepBeats: c.scenario.beats.filter((b) => b.phase === 'prep').length,
  };
}

/** Scores a finished negotiation. Reads only the model (never the log), so equal models score equally. */
export function scoreNegotiation(c: CompiledScenario, model: NegotiationContext['model'], outcome: Outcome): Score {
  const input = scoringInput(c, model, outcome);
  const weights = { ...DEFAULT_WEIGHTS, ...c.scenario.scoring?.weights };
  const sum = DIMENSIONS.reduce((a, d) => a + weights[d], 0) || 1;
  const dimensions = {} as Record<DimensionId, DimensionScore>;
  let total = 0;
  for (const d of DIMENSIONS) {
    const max = (weights[d] / sum) * 100;
    const checks = CHECKS.filter((ch) => ch.dimension === d);
    const earned = checks.map((ch) => ch.share * max * (ch.earned ? ch.earned(input) : ch.passed(input) ? 1 : 0));
    const rows = checks.map((ch, k) => ({
      id: ch.id,
      label: ch.label(input),
      passed: ch.passed(input),
      points: round1(ch.share * max),
      earned: round1(earned[k]!),
    }));
    const score = earned.reduce((a, x) => a + x, 0);
    total += score;
    dimensions[d] = { label: DIMENSION_LABELS[d], score: round1(score), max: round1(max), checks: rows };
  }
  let rounded = Math.round(total);
  let cap: Score['cap'] = null;
  for (const k of CAPS) {
    if (k.applies(input) && rounded > k.max && (!cap || k.max < cap.max)) cap = { id: k.id, max: k.max, reason: k.reason };
  }
  if (cap) rounded = cap.max;
  return { total: rounded, grade: gradeOf(rounded), dimensions, cap };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export interface AntiPatternHit {
  id: AntiPatternId;
  turn: number;
  choiceId: string;
  label: string;
  principle: string;
}

export function antiPatternHits(log: NegotiationContext['log']): AntiPatternHit[] {
  return log.antiPatterns.map((a) => ({ ...a, ...ANTI_PATTERNS[a.id] }));
}
