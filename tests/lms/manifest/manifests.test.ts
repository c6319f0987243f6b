import { describe, expect, it } from 'vitest';
import { scorm12Manifest } from '../../../src/lms/manifest/scorm12-manifest.ts';
import { scorm2004Manifest } from '../../../src/lms/manifest/scorm2004-manifest.ts';
import { cmi5CourseStructure } from '../../../src/lms/manifest/cmi5-course.ts';
import { escapeXml } from '../../../src/lms/manifest/xml.ts';
import type { PackageInfo, PackageUnit } from '../../../src/lms/manifest/package-info.ts';
import { cmi5Problems, scorm12Problems, scorm2004Problems } from '../manifest-checks.ts';

const FILES = ['index.html', 'assets/index-abc.js', 'assets/lms-hook-def.js', 'audio/choice.ogg', 'art/logo.svg'];
/** A title an L&D admin might type: ampersand, angle brackets, quotes. */
const unit: PackageUnit = {
  key: 'walkaway-renewal-returning-vp-assessment',
  title: 'R&D renewal <Q4> "final" (with O\'Neil)',
  description: 'Practice & pass: 70 < 100',
  launchHref: 'index.html',
  passMark: 70,
  mode: 'assessment',
  activityId: 'urn:walkaway:assignment:renewal:returning-vp',
  mustPass: true,
};
const info: PackageInfo = {
  identifier: 'walkaway-renewal-returning-vp-assessment',
  title: unit.title,
  description: unit.description,
  courseId: `${unit.activityId}/course`,
  files: FILES,
  units: [unit],
};

/** A learning path of three steps as one course: a launch page per step, their own pass marks and modes. */
const STEP_PAGES = ['step-01-first.html', 'step-02-second.html', 'step-03-last.html'];
const course: PackageInfo = {
  identifier: 'walkaway-path-onboarding',
  title: 'Onboarding & more',
  description: 'Three negotiations',
  courseId: 'urn:walkaway:path:onboarding',
  files: [...FILES, ...STEP_PAGES],
  units: STEP_PAGES.map((page, i) => ({
    key: page.replace(/^step-\d+-|\.html$/g, ''),
    title: `${i + 1}. Step ${i + 1}`,
    description: 'One negotiation',
    launchHref: page,
    passMark: [60, 70, 65][i]!,
    mode: (['coach', 'practice', 'assessment'] as const)[i]!,
    activityId: `urn:walkaway:path:onboarding/${page}`,
    mustPass: true,
  })),
};
const COURSE_MARKS = [60, 70, 65];

describe('package manifests', () => {
  it('SCORM 1.2: valid content package with the pass mark as masteryscore and the title escaped', () => {
    const xml = scorm12Manifest(info);
    expect(scorm12Problems(xml, ['imsmanifest.xml', ...FILES], 70)).toEqual([]);
    expect(xml).toContain('<title>R&amp;D renewal &lt;Q4&gt; &quot;final&quot; (with O&apos;Neil)</title>');
  });

  it('SCORM 2004 4th edition: valid, simple sequencing, pass mark as the scaled passing score', () => {
    const xml = scorm2004Manifest(info);
    expect(scorm2004Problems(xml, ['imsmanifest.xml', ...FILES], 70)).toEqual([]);
    expect(xml).toContain('<imsss:minNormalizedMeasure>0.70</imsss:minNormalizedMeasure>');
  });

  it('cmi5: one AU with launch method, moveOn by mode and the scaled mastery score', () => {
    const xml = cmi5CourseStructure(info);
    expect(cmi5Problems(xml, FILES, 70)).toEqual([]);
    expect(xml).toMatch(/moveOn="CompletedAndPassed"/);
    expect(cmi5CourseStructure({ ...info, units: [{ ...unit, mustPass: false }] })).toMatch(/moveOn="Completed"/);
  });

  it('the checks catch a broken manifest (missing file, wrong pass mark, bad reference)', () => {
    const xml = scorm12Manifest(info);
    expect(scorm12Problems(xml, ['imsmanifest.xml', 'index.html'], 70)).toContain('file assets/index-abc.js is listed but not in the zip');
    expect(scorm12Problems(xml, ['imsmanifest.xml', ...FILES, 'extra.js'], 60)).toEqual([
      'extra.js is in the zip but not in the manifest',
      'masteryscore 70 is not the pass mark 60',
    ]);
    expect(scorm2004Problems(xml, ['imsmanifest.xml', ...FILES], 70)).toContain('metadata/schemaversion is "1.2", not "2004 4th Edition"');
    expect(scorm12Problems(xml.replace('identifierref="walkaway', 'identifierref="x-walkaway'), ['imsmanifest.xml', ...FILES], 70).join()).toMatch(
      /names no resource/,
    );
    expect(cmi5Problems(cmi5CourseStructure(info).replace('AnyWindow', 'NewTab'), FILES, 70)).toEqual(['AU launchMethod "NewTab" is not a cmi5 value']);
    expect(cmi5Problems('<courseStructure><au>', FILES, 70).join()).toMatch(/not well-formed/);
  });

  it('a learning path course, SCORM 1.2: one item and SCO per step in one organization, the game as a shared asset', () => {
    const xml = scorm12Manifest(course);
    expect(scorm12Problems(xml, ['imsmanifest.xml', ...course.files], COURSE_MARKS)).toEqual([]);
    const scos = [...xml.matchAll(/<resource identifier="([^"]+)" type="webcontent" adlcp:scormtype="sco" href="([^"]+)">/g)].map((m) => m[2]);
    expect(scos).toEqual(STEP_PAGES);
    expect(xml.match(/<item /g)).toHaveLength(3);
    expect(xml.match(/<organization /g)).toHaveLength(1);
    expect(xml.match(/<dependency identifierref="walkaway-path-onboarding-shared"\/>/g)).toHaveLength(3);
    // Each SCO lists only its launch page; the game's files are listed once, in the shared asset.
    expect(xml.match(/<file href="assets\/index-abc.js"\/>/g)).toHaveLength(1);
    // A wrong pass mark for the second step is caught.
    expect(scorm12Problems(xml, ['imsmanifest.xml', ...course.files], [60, 71, 65])).toEqual(['masteryscore 70 is not the pass mark 71']);
  });

  it('a learning path course, SCORM 2004: one SCO per step with its scaled passing score, flow and choice', () => {
    const xml = scorm2004Manifest(course);
    expect(scorm2004Problems(xml, ['imsmanifest.xml', ...course.files], COURSE_MARKS)).toEqual([]);
    expect([...xml.matchAll(/<imsss:minNormalizedMeasure>([^<]+)</g)].map((m) => m[1])).toEqual(['0.60', '0.70', '0.65']);
    expect(xml).toContain('<imsss:controlMode choice="true" flow="true"/>');
    expect(new Set([...xml.matchAll(/objectiveID="([^"]+)"/g)].map((m) => m[1])).size).toBe(3);
  });

  it('a learning path course, cmi5: one AU per step in one course, each launching its own page', () => {
    const xml = cmi5CourseStructure(course);
    expect(cmi5Problems(xml, course.files, COURSE_MARKS)).toEqual([]);
    expect([...xml.matchAll(/<url>([^<]+)<\/url>/g)].map((m) => m[1])).toEqual(STEP_PAGES);
    expect(xml).toContain('<course id="urn:walkaway:path:onboarding">');
    expect(xml.match(/moveOn="CompletedAndPassed"/g)).toHaveLength(3);
  });

  it('the checks catch a course whose SCO depends on a missing resource or whose item launches an asset', () => {
    const xml = scorm12Manifest(course);
    const files = ['imsmanifest.xml', ...course.files];
    expect(
      scorm12Problems(
        xml.replace('<dependency identifierref="walkaway-path-onboarding-shared"/>', '<dependency identifierref="nowhere"/>'),
        files,
        COURSE_MARKS,
      ).join(),
    ).toMatch(/depends on nowhere, which names no resource/);
    expect(
      scorm12Problems(
        xml.replace('identifierref="walkaway-path-onboarding-first-sco"', 'identifierref="walkaway-path-onboarding-shared"'),
        files,
        COURSE_MARKS,
      ).join(),
    ).toMatch(/launches a resource that is not a sco/);
  });

  it('escapes every XML special character and drops characters XML cannot hold', () => {
    expect(escapeXml(`a&b<c>d"e'f\u0001g`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;fg');
  });
});
