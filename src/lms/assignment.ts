import { z } from 'zod';
import { ATTEMPT_MODES } from '../engine/index.ts';

/**
 * What an LMS package is built for: one scenario (optionally one persona), how it is played, the pass
 * mark, the LMS standard, and optionally a learning record store for xAPI statements. The package
 * command validates it and bakes it into the build; the game reads it at start.
 */
export const LMS_FORMATS = ['scorm12', 'scorm2004', 'cmi5'] as const;
export type LmsFormat = (typeof LMS_FORMATS)[number];

/** A single assignment is practice or assessment; a learning path's steps may also be coached. */
export const ASSIGNMENT_MODES = ATTEMPT_MODES;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];

export const Identifier = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes');

export const LrsConfigSchema = z
  .object({
    /** The LRS's xAPI endpoint, ending in a slash (…/xAPI/). */
    endpoint: z.url({ protocol: /^https?$/, error: 'an http(s) address' }),
    /** The Authorization header value the LRS expects (`Basic …`). */
    auth: z.string().min(1),
    /** Whose learner ids these are (the LMS's address): the `homePage` of the statements' actor account. */
    actorHomePage: z.url().optional(),
  })
  .strict();
export type LrsConfig = z.infer<typeof LrsConfigSchema>;

export const AssignmentSchema = z
  .object({
    format: z.enum(LMS_FORMATS),
    scenarioId: Identifier,
    /** A persona id of that scenario; absent: the scenario's first persona. */
    personaId: Identifier,
    scenarioTitle: z.string().min(1),
    mode: z.enum(ASSIGNMENT_MODES),
    /** Total score (0-100) at or above which the rep passes. */
    passMark: z.number().int().min(0).max(100),
    /** The xAPI activity id of this assignment (an IRI); statements and cmi5 use it. */
    activityId: z.string().regex(/^[a-z][a-z0-9+.-]*:\S+$/i, 'an IRI such as https://example.com/walkaway/renewal'),
    lrs: LrsConfigSchema.optional(),
  })
  .strict();
export type Assignment = z.infer<typeof AssignmentSchema>;

/** The default activity IRI for an assignment: stable per scenario and persona, so reports group. */
export function defaultActivityId(scenarioId: string, personaId: string): string {
  return `urn:walkaway:assignment:${scenarioId}:${personaId}`;
}
