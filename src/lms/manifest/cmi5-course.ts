import { el, renderXml } from './xml.ts';
import type { PackageInfo } from './package-info.ts';

/**
 * cmi5.xml, the cmi5 course structure: one course with one assignable unit (AU). The AU's id is the
 * assignment's activity id; moveOn says what the LMS waits for (an assessment must be passed, practice
 * only completed); masteryScore is the pass mark scaled 0..1, which the LMS hands back in LaunchData.
 */
export function cmi5CourseStructure(p: PackageInfo): string {
  const lang = 'en-US';
  const text = (name: string, value: string) => el(name, {}, el('langstring', { lang }, value));
  const course = el(
    'courseStructure',
    { xmlns: 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd' },
    el('course', { id: `${p.activityId}/course` }, text('title', p.title), text('description', p.description)),
    el(
      'au',
      {
        id: p.activityId,
        moveOn: p.mode === 'assessment' ? 'CompletedAndPassed' : 'Completed',
        masteryScore: (p.passMark / 100).toFixed(2),
        launchMethod: 'AnyWindow',
      },
      text('title', p.title),
      text('description', p.description),
      el('url', {}, p.launchHref),
    ),
  );
  return renderXml(course);
}
