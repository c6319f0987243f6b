/**
 * How a negotiation is played: coach shows hints and allows take-backs; assessment counts the first
 * attempt. A module of its own (no schema library) so a menu can list the modes without the engine.
 */
export const ATTEMPT_MODES = ['coach', 'practice', 'assessment'] as const;
export type AttemptMode = (typeof ATTEMPT_MODES)[number];
