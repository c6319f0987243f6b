import { ANTI_PATTERNS, type AntiPatternId, type Outcome } from '../vocabulary.ts';
import type { CompiledScenario } from '../persona/compile.ts';
import type { NegotiationContext } from '../persona/context.ts';
import { personaOf } from '../persona/rules.ts';
import { DEFAULT_WEIGHTS, DIMENSIONS, DIMENSION_LABELS, dimensionChecks, type DimensionId } from './dimensions.ts';

export interface DimensionScore {
  label: string;
  score: number;
  max: number;
  checks: { label: string; passed: boolean; points: number }[];
}

export interface Score {
  total: number;
  grade: Grade;
  dimensions: Record<DimensionId, DimensionScore>;
}

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

export function gradeOf(total: number): Grade {
  return total >= 90 ? 'A' : total >= 80 ? 'B' : total >= 70 ? 'C' : total >= 60 ? 'D' : 'F';
}

/** Scores a finished negotiation. Reads only the model (never the log), so equal models score equally. */
export function scoreNegotiation(c: CompiledScenario, model: NegotiationContext['model'], outcome: Outcome): Score {
  const p = personaOf(c, model);
  const value = c.space.valueOf(model.terms);
  const signedFlags = new Set<string>();
  if (outcome === 'deal')
    for (const issue of c.scenario.issues)
      for (const f of issue.options.find((o) => o.id === model.terms[issue.id])?.flags ?? []) signedFlags.add(f);
  const checks = dimensionChecks({
    scenario: c.scenario,
    model,
    outcome,
    value,
    signals: p.signals,
    signedFlags,
    hasThreadsAction: c.hasThreadsAction,
    prepBeats: c.scenario.beats.filter((b) => b.phase === 'prep').length,
  });
  const weights = { ...DEFAULT_WEIGHTS, ...c.scenario.scoring?.weights };
  const sum = DIMENSIONS.reduce((a, d) => a + weights[d], 0) || 1;
  const dimensions = {} as Record<DimensionId, DimensionScore>;
  let total = 0;
  for (const d of DIMENSIONS) {
    const max = (weights[d] / sum) * 100;
    const rows = checks[d].map((ch) => ({ label: ch.label, passed: ch.passed, points: round1(ch.share * max) }));
    const score = checks[d].reduce((a, ch) => a + (ch.passed ? ch.share * max : 0), 0);
    total += score;
    dimensions[d] = { label: DIMENSION_LABELS[d], score: round1(score), max: round1(max), checks: rows };
  }
  const rounded = Math.round(total);
  return { total: rounded, grade: gradeOf(rounded), dimensions };
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
