import type { ScenarioAudit } from '../engine/analysis/audit.ts';
import type { ScenarioProblem } from '../engine/index.ts';

/**
 * Seeds per archetype and persona: the same as `walkaway audit` by default (DEFAULT_AUDIT_SEEDS in
 * src/cli/audit.ts, which a test holds equal), so the studio's teaching table shows the command's numbers.
 */
export const STUDIO_AUDIT_SEEDS = 8;

export interface AuditRequest {
  id: number;
  text: string;
  fileName: string;
  seeds: number;
}

/** The audit first; then, in a second message, what `check --deep` adds (it explores every path). */
export type AuditReply =
  | { id: number; ok: true; audit: ScenarioAudit; ms: number /** What values are shown in, as the game shows them. */; valueUnit: string }
  | { id: number; ok: false; message: string }
  | { id: number; ok: true; deep: ScenarioProblem[]; ms: number }
  | { id: number; ok: false; deepMessage: string };
