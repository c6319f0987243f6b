import { z } from 'zod';
import type { CompiledScenario } from './persona/compile.ts';
import { PHASES } from './persona/machine.ts';
import { ANTI_PATTERN_IDS } from './vocabulary.ts';

/** Version of the saved-session format; bump it when the context shape changes. */
export const SAVE_FORMAT = 1;

const Num = z.number().refine((n) => !Number.isNaN(n), 'a number');
const Bound = z.tuple([z.union([Num, z.null()]), z.union([Num, z.null()])]);

const Model = z.object({
  personaId: z.string(),
  rng: z.number().int(),
  turn: z.number().int().min(0),
  clock: z.number().int().min(0),
  beat: z.string(),
  nextBeat: z.string().nullable(),
  resume: z.string().nullable(),
  realBatna: Num,
  walkAway: Num,
  facts: z.array(z.string()),
  discovered: z.array(z.string()),
  threads: z.boolean(),
  prepActions: z.number().int(),
  prepBatnaGain: Num,
  belief: Num,
  credibility: Num,
  trust: Num,
  learnedPressure: z.number().int(),
  hardened: z.number().int(),
  tacticsUsed: z.array(z.number().int()),
  pendingClaim: z.object({ bluff: z.boolean(), gain: Num }).nullable(),
  claimTested: z.boolean(),
  closingRounds: z.number().int(),
  bounds: z.record(z.string(), Bound),
  terms: z.record(z.string(), z.string()),
  bestOffer: z.union([Num, z.null()]),
  tally: z.record(z.string(), z.number().int()),
  antiPatterns: z.array(z.enum(ANTI_PATTERN_IDS)),
  reaction: z.object({ key: z.string(), text: z.string() }).nullable(),
  outcome: z.enum(['deal', 'walked-away', 'counterpart-walked']).nullable(),
});

const Snapshot = z.looseObject({
  status: z.enum(['active', 'done']),
  value: z.enum(PHASES),
  context: z.object({
    model: Model,
    log: z.object({
      transcript: z.array(z.looseObject({ turn: z.number(), line: z.string() })),
      offers: z.array(z.object({ turn: z.number(), theirs: Num, yours: Num })),
      antiPatterns: z.array(z.object({ id: z.enum(ANTI_PATTERN_IDS), turn: z.number(), choiceId: z.string() })),
    }),
  }),
});

export const SavedSessionSchema = z.object({
  format: z.literal(SAVE_FORMAT),
  scenarioId: z.string(),
  fingerprint: z.string(),
  personaId: z.string(),
  seed: z.number().int(),
  snapshot: Snapshot,
});
export type SavedSession = z.infer<typeof SavedSessionSchema>;

/** Why a save cannot be used, in words for the player ("this save is from an older version"). */
export class SaveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SaveError';
  }
}

/**
 * Validates a saved session against the format and the scenario it claims to belong to. JSON turns the
 * infinite bounds and the empty best offer into null; they are turned back here.
 */
export function parseSave(raw: unknown, c: CompiledScenario): SavedSession {
  if (raw && typeof raw === 'object' && 'format' in raw && (raw as { format: unknown }).format !== SAVE_FORMAT) {
    throw new SaveError(`this save uses format ${String((raw as { format: unknown }).format)}; this version reads format ${SAVE_FORMAT}`);
  }
  const parsed = SavedSessionSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SaveError(`the save is damaged (${issue.path.join('.') || 'top level'}: ${issue.message})`);
  }
  const save = parsed.data;
  if (save.scenarioId !== c.scenario.id) throw new SaveError(`the save belongs to scenario "${save.scenarioId}", not "${c.scenario.id}"`);
  if (save.fingerprint !== c.fingerprint) throw new SaveError('the scenario has changed since this negotiation was saved');
  const m = save.snapshot.context.model;
  if (!c.personas.has(save.personaId) || m.personaId !== save.personaId) throw new SaveError(`the save names an unknown persona "${save.personaId}"`);
  if (!c.beats.has(m.beat)) throw new SaveError(`the save is at an unknown point of the script ("${m.beat}")`);
  const bounds: Record<string, [number, number]> = {};
  for (const [k, [lo, hi]] of Object.entries(m.bounds)) bounds[k] = [lo ?? -Infinity, hi ?? Infinity];
  m.bounds = bounds;
  m.bestOffer = m.bestOffer ?? -Infinity;
  return save;
}
