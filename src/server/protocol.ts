import { z } from 'zod';
import { ATTEMPT_MODES, AttemptRecordSchema, OUTCOMES, type AttemptRecord } from '../engine/index.ts';

/**
 * Every message between the workshop server and its clients (the game, the projector page, the CLI),
 * as Zod schemas. Node-free: the browser validates the server's answers with the same schemas.
 */

/** Room codes avoid letters and digits that read alike on a projector (0/O, 1/I/L). */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;
export const MAX_NAME = 40;

export const RoomCodeSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`), `a room code is ${CODE_LENGTH} letters and digits, like K7QM2X`));

/** A display name: shown on a projector, so kept short, printable, and never markup. */
export const DisplayNameSchema = z
  .string()
  .transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(1, 'a name is needed')
      .max(MAX_NAME, `a name is at most ${MAX_NAME} characters`)
      .refine((s) => !/[<>]/.test(s), 'a name may not contain < or >')
      .refine((s) => !/[\p{Cc}\p{Cf}]/u.test(s), 'a name may not contain control characters'),
  );

export const ModeSchema = z.enum(ATTEMPT_MODES);

export const CreateRoomSchema = z
  .object({
    scenarioId: z.string().min(1).max(120),
    /** A persona id, or null: each rep gets a random persona. */
    personaId: z.string().min(1).max(120).nullable(),
    mode: ModeSchema.default('practice'),
  })
  .strict();
export type CreateRoom = z.infer<typeof CreateRoomSchema>;

export const CreatedRoomSchema = z.object({
  code: z.string(),
  secret: z.string(),
  joinUrl: z.string(),
  facilitatorUrl: z.string(),
});
export type CreatedRoom = z.infer<typeof CreatedRoomSchema>;

export const JoinSchema = z.object({ name: DisplayNameSchema }).strict();

/** What a rep needs to play: which negotiation (persona, seed, mode) the server dealt them, and their token. */
export const SeatSchema = z.object({
  code: z.string(),
  repId: z.string(),
  token: z.string(),
  name: z.string(),
  scenarioId: z.string(),
  fingerprint: z.string(),
  personaId: z.string(),
  seed: z.number().int(),
  mode: ModeSchema,
});
export type Seat = z.infer<typeof SeatSchema>;

/** A rep's own game as the server holds it: the seat and the record so far (for resuming). */
export const MyGameSchema = SeatSchema.extend({
  record: AttemptRecordSchema,
  over: z.boolean(),
  ended: z.boolean(),
});
export type MyGame = z.infer<typeof MyGameSchema>;

/** One move: `seq` is its 1-based place in the record, so a resent move is recognised and a skipped one refused. */
export const MoveMessageSchema = z
  .object({
    seq: z.number().int().min(1).max(400),
    move: AttemptRecordSchema.shape.moves.element,
  })
  .strict();
export type MoveMessage = z.infer<typeof MoveMessageSchema>;

export const MoveAckSchema = z.object({ seq: z.number(), turn: z.number(), over: z.boolean(), duplicate: z.boolean() });
export type MoveAck = z.infer<typeof MoveAckSchema>;

/** What the rep's browser says its game ended with; checked against the server's own replay. */
export const ResultClaimSchema = z
  .object({
    outcome: z.enum(OUTCOMES),
    value: z.number().finite(),
    score: z.number().int().min(0).max(100),
  })
  .strict();
export type ResultClaim = z.infer<typeof ResultClaimSchema>;

export const FacilitatorActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.enum(['lock', 'unlock', 'end', 'reveal', 'conceal', 'hide-names', 'show-names']) }).strict(),
  z.object({ action: z.literal('compare'), a: z.string().max(64).nullable(), b: z.string().max(64).nullable() }).strict(),
]);
export type FacilitatorAction = z.infer<typeof FacilitatorActionSchema>;

export const ErrorSchema = z.object({ error: z.string() });

/** Public facts of a room, for the join screen. */
export const RoomInfoSchema = z.object({
  code: z.string(),
  scenarioId: z.string(),
  title: z.string(),
  locked: z.boolean(),
  ended: z.boolean(),
});
export type RoomInfo = z.infer<typeof RoomInfoSchema>;

export type { AttemptRecord };
