import { resolve } from 'node:path';
import { z } from 'zod';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  WALKAWAY_DATA: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  PUBLIC_URL: z.string().url().optional(),
});

export interface ServerConfig {
  port: number;
  host: string;
  /** PGlite's folder; unused when databaseUrl is set. */
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string | undefined;
  distDir: string;
}

/** The server's settings from the environment, validated (a bad PORT is one clear line, not a stack trace). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const r = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new Error(`${issue.path.join('.')}: ${issue.message}`);
  }
  const e = r.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.WALKAWAY_DATA ?? resolve(PROJECT_ROOT, '.walkaway-data')),
    databaseUrl: e.DATABASE_URL,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    distDir: resolve(PROJECT_ROOT, 'dist'),
  };
}
