/** The engine's public surface: what views, the CLI, tests and benchmarks import. */
export { loadScenario, checkScenarioText, locateWarnings, type ScenarioCheck } from './scenario/load.ts';
export { scenarioWarnings, type ScenarioWarning } from './scenario/warnings.ts';
export { ScenarioSchema, SCENARIO_FORMAT, type Scenario, type Persona } from './scenario/schema.ts';
export { ScenarioError, formatProblem, fieldPath, isWarning, type ScenarioProblem, type ProblemSeverity } from './scenario/problems.ts';
export { compileScenario, type CompiledScenario } from './persona/compile.ts';
export {
  Session,
  UnknownChoiceError,
  type SessionSnapshot,
  type SessionResult,
  type ChoiceView,
  type TermView,
  type IssueView,
  type Mood,
} from './session.ts';
export type { PackageWorth, DebriefFigures } from './persona/worth.ts';
export {
  replayAttempt,
  parseAttempt,
  encodePackage,
  decodePackage,
  AttemptError,
  AttemptRecordSchema,
  ATTEMPT_FORMAT,
  ATTEMPT_MODES,
  type AttemptRecord,
  type AttemptMode,
  type AttemptProblem,
  type Move,
} from './attempt.ts';
export { formatValue } from './format.ts';
export { turnClock, type TurnClockWords } from './turn-clock.ts';
export { ANTI_PATTERNS, ANTI_PATTERN_IDS, CHOICE_TAGS, OUTCOMES, type AntiPatternId, type Outcome } from './vocabulary.ts';
export { DIMENSIONS, DIMENSION_LABELS, type DimensionId } from './scoring/dimensions.ts';
export type { Score, DimensionScore, CheckResult, AntiPatternHit, Grade } from './scoring/score.ts';
export { CHECKS, CHECK_IDS, type CheckId } from './scoring/checks.ts';
export { outcomeHeadline, outcomeContext, type OutcomeFacts } from './scoring/debrief.ts';
export { checkAdvice, checkAdviceText, type CheckAdvice } from './scoring/check-advice.ts';
export { keyMoments, keyMomentText, keyMomentEffect, type KeyMoment } from './analysis/key-moments.ts';
