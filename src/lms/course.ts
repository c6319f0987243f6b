import { z } from 'zod';
import { AssignmentSchema, Identifier, LMS_FORMATS, type Assignment } from './assignment.ts';

/**
 * A learning path packaged as one LMS course: one assignable unit per step, all in one build of the
 * game. Each unit is launched from a page of its own (a copy of the game's page that names its step),
 * so an LMS needs nothing but the manifest's launch address to start the right negotiation, and each
 * unit reports exactly as a single-assignment package does.
 */
export const CourseSchema = z
  .object({
    kind: z.literal('course'),
    format: z.enum(LMS_FORMATS),
    pathId: Identifier,
    /** The course's IRI (cmi5's course id); each unit's activity id is below it. */
    courseId: z.string().regex(/^[a-z][a-z0-9+.-]*:\S+$/i),
    title: z.string().min(1),
    units: z
      .array(
        z
          .object({
            /** The path step's id; the unit's launch page names it. */
            stepId: Identifier,
            /** The page the LMS launches for this unit, relative to the package root. */
            launchPage: z.string().regex(/^[a-z0-9][a-z0-9.-]*\.html$/),
            /** What the step teaches (its concept card), for the LMS's catalogue. */
            description: z.string().min(1),
            assignment: AssignmentSchema,
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type Course = z.infer<typeof CourseSchema>;
export type CourseUnit = Course['units'][number];

/** The `<meta name>` a unit's launch page carries, with the step id as its content. */
export const STEP_META = 'walkaway-step';

/** The launch page of a step: at the package root, beside index.html, so relative asset URLs hold. */
export function launchPageFor(index: number, stepId: string): string {
  return `step-${String(index + 1).padStart(2, '0')}-${stepId}.html`;
}

/** Adds the step's marker to a copy of the built game page. */
export function launchPageHtml(indexHtml: string, stepId: string): string {
  const marker = `<meta name="${STEP_META}" content="${stepId}" />`;
  if (!/<\/head>/i.test(indexHtml)) throw new Error('the built page has no </head>');
  return indexHtml.replace(/<\/head>/i, (end) => `  ${marker}\n  ${end}`);
}

/**
 * The assignment a launched page plays: the course unit its marker names. Null when the page names no
 * unit of this course (opened as index.html, or a marker that does not match).
 */
export function unitForPage(course: Course, stepId: string | null): Assignment | null {
  return course.units.find((u) => u.stepId === stepId)?.assignment ?? null;
}
