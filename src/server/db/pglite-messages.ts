import { z } from 'zod';

/**
 * What crosses between the server's main thread and the thread that owns the embedded PostgreSQL
 * (`pglite-worker.ts`). Each side validates what it receives: a malformed message is answered with an
 * error (or reported), never acted on.
 */

/** A query parameter: what the SQL of this server binds (text, numbers, booleans, JSON as text, null). */
const ParamSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const RequestId = z.number().int().nonnegative();
const TransactionId = z.number().int().positive();

export const WorkerRequestSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('query'), id: RequestId, sql: z.string().min(1), params: z.array(ParamSchema), tx: TransactionId.optional() }),
  z.object({ op: z.literal('exec'), id: RequestId, sql: z.string().min(1) }),
  /** Opens a transaction; the answer carries its id once PGlite has started it (it holds the database until it ends). */
  z.object({ op: z.literal('begin'), id: RequestId }),
  z.object({ op: z.literal('commit'), id: RequestId, tx: TransactionId }),
  z.object({ op: z.literal('rollback'), id: RequestId, tx: TransactionId }),
  z.object({ op: z.literal('listen'), id: RequestId, channel: z.string().min(1).max(63) }),
  z.object({ op: z.literal('close'), id: RequestId }),
]);
export type WorkerRequest = z.infer<typeof WorkerRequestSchema>;

/** A database error as PostgreSQL reported it; `code` is the SQLSTATE (23505: unique violation). */
export const WorkerErrorSchema = z.object({ message: z.string(), code: z.string().optional(), detail: z.string().optional() });

export const WorkerReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ok'), id: RequestId, rows: z.array(z.record(z.string(), z.unknown())), tx: TransactionId.optional() }),
  z.object({ type: z.literal('error'), id: RequestId, error: WorkerErrorSchema }),
  z.object({ type: z.literal('notification'), channel: z.string(), payload: z.string() }),
  /** The database is open (and recovered, if the last run stopped short) and takes requests. */
  z.object({ type: z.literal('ready') }),
  /** The database could not be opened; the thread ends after saying so. */
  z.object({ type: z.literal('failed'), error: WorkerErrorSchema }),
]);
export type WorkerReply = z.infer<typeof WorkerReplySchema>;

/** The folder to open (null: in memory only), given when the thread starts. */
export const WorkerStartSchema = z.object({ dataDir: z.string().min(1).nullable() });
export type WorkerStart = z.infer<typeof WorkerStartSchema>;

/** The fields of a thrown database error worth carrying back: its message and SQLSTATE. */
export function describeError(e: unknown): z.infer<typeof WorkerErrorSchema> {
  const err = e as { message?: unknown; code?: unknown; detail?: unknown };
  return {
    message: typeof err?.message === 'string' ? err.message : String(e),
    ...(typeof err?.code === 'string' ? { code: err.code } : {}),
    ...(typeof err?.detail === 'string' ? { detail: err.detail } : {}),
  };
}

/** The first problem Zod found, in one line. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`;
}
