import { describe, expect, it } from 'vitest';
import { CourseSchema, launchPageFor, launchPageHtml, STEP_META, unitForPage, type Course } from '../../src/lms/course.ts';

const assignment = (scenarioId: string, mode: 'coach' | 'practice' | 'assessment') => ({
  format: 'scorm12' as const,
  scenarioId,
  personaId: 'p',
  scenarioTitle: scenarioId,
  mode,
  passMark: 60,
  activityId: `urn:walkaway:path:x/${scenarioId}`,
});
const course: Course = {
  kind: 'course',
  format: 'scorm12',
  pathId: 'x',
  courseId: 'urn:walkaway:path:x',
  title: 'X',
  units: [
    { stepId: 'first', launchPage: launchPageFor(0, 'first'), description: 'First.', assignment: assignment('tutorial', 'coach') },
    { stepId: 'second', launchPage: launchPageFor(1, 'second'), description: 'Second.', assignment: assignment('renewal', 'assessment') },
  ],
};

describe('a learning path course', () => {
  it('gives each step a launch page at the package root that names the step, beside the game page', () => {
    expect(course.units.map((u) => u.launchPage)).toEqual(['step-01-first.html', 'step-02-second.html']);
    const page = launchPageHtml('<!doctype html>\n<html>\n  <head>\n    <meta charset="utf-8" />\n  </head>\n  <body></body>\n</html>\n', 'second');
    const head = page.slice(page.indexOf('<head>'), page.indexOf('</head>'));
    expect(head).toContain(`<meta name="${STEP_META}" content="second" />`);
    // The charset declaration stays first in the head.
    expect(head.indexOf('charset')).toBeLessThan(head.indexOf(STEP_META));
    expect(() => launchPageHtml('<html><body></body></html>', 'second')).toThrow(/no <\/head>/);
  });

  it('a launched page plays the unit it names, and nothing for a name the course does not have', () => {
    expect(CourseSchema.parse(course)).toEqual(course);
    expect(unitForPage(course, 'second')?.scenarioId).toBe('renewal');
    expect(unitForPage(course, 'third')).toBeNull();
    expect(unitForPage(course, null)).toBeNull();
  });

  it('refuses a course with no units or a launch page outside the package root', () => {
    expect(CourseSchema.safeParse({ ...course, units: [] }).success).toBe(false);
    expect(CourseSchema.safeParse({ ...course, units: [{ ...course.units[0]!, launchPage: '../evil.html' }] }).success).toBe(false);
  });
});
