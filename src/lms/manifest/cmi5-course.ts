import { el, renderXml } from './xml.ts';
import type { PackageInfo } from './package-info.ts';

/**
 * cmi5.xml, the cmi5 course structure: one course with one assignable unit (AU) per unit, in order.
 * Each AU's id is its activity id; moveOn says what the LMS waits for (a pass, or only completion);
 * masteryScore is the pass mark scaled 0..1, which the LMS hands back in LaunchData.
 */
export function cmi5CourseStructure(p: PackageInfo): string {
  const lang = 'en-US';
  const text = (name: string, value: string) => el(name, {}, el('langstring', { lang }, value));
  const course = el(
    'courseStructure',
    { xmlns: 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd' },
    el('course', { id: p.courseId }, text('title', p.title), text('description', p.description)),
    ...p.units.map((u) =>
      el(
        'au',
        {
          id: u.activityId,
          moveOn: u.mustPass ? 'CompletedAndPassed' : 'Completed',
          masteryScore: (u.passMark / 100).toFixed(2),
          launchMethod: 'AnyWindow',
        },
        text('title', u.title),
        text('description', u.description),
        el('url', {}, u.launchHref),
      ),
    ),
  );
  return renderXml(course);
}
