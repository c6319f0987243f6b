import { z } from 'zod';
import { ATTEMPT_MODES } from './attempt-modes.ts';
import type { CompiledScenario } from './persona/compile.ts';

/**
 * The attempt record: one negotiation, small enough to store anywhere (a save slot, the practice
 * record, a workshop submission, SCORM suspend data) and complete enough to rebuild everything else
 * (transcript, offers, score, debrief) by replaying it through the engine. Nothing else of a
 * negotiation is ever stored or trusted.
 */

/** Version of the record format; bump it when the meaning of a field changes. */
export const ATTEMPT_FORMAT = 1;

export { ATTEMPT_MODES, type AttemptMode } from './attempt-modes.ts';

/**
 * One move: a choice id, or a package the player put on the table written as one option index per
 * issue, in the scenario's issue order (`[0, 2, 1]`). Indexes keep a 20-move record under 600 bytes.
 */
export type Move = string | number[];

/** Bounds that keep a hostile or broken record from costing more than a real game would. */
const MAX_MOVES = 400;
const MAX_ID = 120;
const MAX_ISSUES = 64;

const MoveSchema = z.union([
  z.string().min(1, 'an empty choice id').max(MAX_ID, `a choice id longer than ${MAX_ID} characters`),
  z.array(z.number().int('an option index must be a whole number').min(0, 'an option index below 0').max(255)).min(1, 'an empty package').max(MAX_ISSUES),
]);

export const AttemptRecordSchema = z
  .object({
    format: z.literal(ATTEMPT_FORMAT),
    scenarioId: z.string().min(1).max(MAX_ID),
    fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 fingerprint (64 hex digits)'),
    personaId: z.string().min(1).max(MAX_ID),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1),
    mode: z.enum(ATTEMPT_MODES),
    moves: z.array(MoveSchema).max(MAX_MOVES, `more than ${MAX_MOVES} moves`),
    /** Coach mode only: the move numbers (1-based) the rep took back, so the debrief can note them. */
    takeBacks: z.array(z.number().int().min(1).max(MAX_MOVES)).max(MAX_MOVES).optional(),
  })
  .strict();
export type AttemptRecord = z.infer<typeof AttemptRecordSchema>;

export type AttemptProblem = 'damaged' | 'other-scenario' | 'scenario-changed' | 'unknown-persona' | 'bad-move';

/** Why a record cannot be replayed, in words a rep can read ("move 7 is not a choice at that point"). */
export class AttemptError extends Error {
  readonly problem: AttemptProblem;
  /** 1-based number of the move that failed, for `bad-move`. */
  readonly move?: number;
  constructor(problem: AttemptProblem, message: string, move?: number) {
    super(message);
    this.name = 'AttemptError';
    this.problem = problem;
    if (move !== undefined) this.move = move;
  }
}

/** Checks a record's shape (not yet against a scenario). Throws AttemptError naming the first bad field. */
export function parseAttempt(raw: unknown): AttemptRecord {
  if (raw && typeof raw === 'object' && 'format' in raw && (raw as { format: unknown }).format !== ATTEMPT_FORMAT) {
    const f = (raw as { format: unknown }).format;
    throw new AttemptError('damaged', `this record uses format ${JSON.stringify(f)}; this version reads format ${ATTEMPT_FORMAT}`);
  }
  const parsed = AttemptRecordSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.map((p) => (typeof p === 'number' ? `[${p + 1}]` : String(p))).join('.') : 'the record';
    throw new AttemptError('damaged', `the record is damaged (${where}: ${issue.message})`);
  }
  return parsed.data;
}

/** A package as the record writes it: option indexes in issue order. Throws if a term names no option. */
export function encodePackage(c: CompiledScenario, terms: Readonly<Record<string, string>>): number[] {
  return c.scenario.issues.map((issue) => {
    const option = Object.hasOwn(terms, issue.id) ? terms[issue.id] : undefined;
    const i = issue.options.findIndex((o) => o.id === option);
    if (i < 0) throw new Error(`the package has no valid option for "${issue.label}"`);
    return i;
  });
}

/** The terms a package move stands for, or null when its indexes do not fit the scenario's issues. */
export function decodePackage(c: CompiledScenario, indexes: readonly number[]): Record<string, string> | null {
  const issues = c.scenario.issues;
  if (indexes.length !== issues.length) return null;
  const terms: Record<string, string> = {};
  for (let i = 0; i < issues.length; i++) {
    const option = issues[i]!.options[indexes[i]!];
    if (!option) return null;
    terms[issues[i]!.id] = option.id;
  }
  return terms;
}
