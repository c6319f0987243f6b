import { z } from 'zod';
import { ATTEMPT_MODES } from '../attempt-record.ts';

/**
 * The learning path file format: an ordered list of steps, each one scenario and persona played in a
 * mode, with the score that passes it and a short concept card. Trainers write their own for their
 * team; `walkaway check` validates them like scenarios.
 */

export const PATH_FORMAT = 1;

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an id of lowercase letters, digits and dashes (e.g. "first-deal")');
const Text = z.string().trim().min(1, 'text must not be empty').max(2000, 'at most 2,000 characters');

const ConceptCard = z
  .object({
    title: Text.max(80, 'a concept title of at most 80 characters').describe('The idea this step teaches, in a few words'),
    text: Text.max(600, 'a concept card of at most 600 characters').describe('What the step teaches, in two or three sentences'),
  })
  .strict();

const Step = z
  .object({
    id: Id,
    scenario: Id.describe('Scenario id (as `walkaway list` shows it)'),
    persona: Id.describe('Persona id within that scenario'),
    mode: z.enum(ATTEMPT_MODES).describe('coach: hints and take-backs; practice: neither; assessment: neither, and the first finished game counts'),
    passMark: z.number().int().min(0).max(100).optional().describe("Score out of 100 that passes the step (default: the scenario's passMark, else 60)"),
    concept: ConceptCard,
  })
  .strict();

export const LearningPathSchema = z
  .object({
    format: z.literal(PATH_FORMAT).describe('Path format version'),
    kind: z.literal('learning-path').describe('Tells a path file from a scenario file'),
    id: Id,
    title: Text.max(120),
    summary: Text.max(600).optional(),
    steps: z.array(Step).min(1, 'a path needs at least one step').max(60, 'at most 60 steps'),
  })
  .strict();

export type LearningPath = z.infer<typeof LearningPathSchema>;
export type PathStep = LearningPath['steps'][number];

export { DEFAULT_PASS_MARK } from './pass-mark.ts';
