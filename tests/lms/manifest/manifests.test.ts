import { describe, expect, it } from 'vitest';
import { scorm12Manifest } from '../../../src/lms/manifest/scorm12-manifest.ts';
import { scorm2004Manifest } from '../../../src/lms/manifest/scorm2004-manifest.ts';
import { cmi5CourseStructure } from '../../../src/lms/manifest/cmi5-course.ts';
import { escapeXml } from '../../../src/lms/manifest/xml.ts';
import type { PackageInfo } from '../../../src/lms/manifest/package-info.ts';
import { cmi5Problems, scorm12Problems, scorm2004Problems } from '../manifest-checks.ts';

const FILES = ['index.html', 'assets/index-abc.js', 'assets/lms-hook-def.js', 'audio/choice.ogg', 'art/logo.svg'];
/** A title an L&D admin might type: ampersand, angle brackets, quotes. */
const info: PackageInfo = {
  identifier: 'walkaway-renewal-returning-vp-assessment',
  title: 'R&D renewal <Q4> "final" (with O\'Neil)',
  description: 'Practice & pass: 70 < 100',
  launchHref: 'index.html',
  files: FILES,
  passMark: 70,
  mode: 'assessment',
  activityId: 'urn:walkaway:assignment:renewal:returning-vp',
};

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
    expect(cmi5CourseStructure({ ...info, mode: 'practice' })).toMatch(/moveOn="Completed"/);
  });

  it('the checks catch a broken manifest (missing file, wrong pass mark, bad reference)', () => {
    const xml = scorm12Manifest(info);
    expect(scorm12Problems(xml, ['imsmanifest.xml', 'index.html'], 70)).toContain('file assets/index-abc.js is listed but not in the zip');
    expect(scorm12Problems(xml, ['imsmanifest.xml', ...FILES, 'extra.js'], 60)).toEqual([
      'extra.js is in the zip but not in the manifest',
      'masteryscore 70 is not the pass mark 60',
    ]);
    expect(scorm2004Problems(xml, ['imsmanifest.xml', ...FILES], 70)).toContain('metadata/schemaversion is "1.2", not "2004 4th Edition"');
    expect(scorm12Problems(xml.replace('identifierref="walkaway', 'identifierref="x-walkaway'), ['imsmanifest.xml', ...FILES], 70).join()).toMatch(/names no resource/);
    expect(cmi5Problems(cmi5CourseStructure(info).replace('AnyWindow', 'NewTab'), FILES, 70)).toEqual(['AU launchMethod "NewTab" is not a cmi5 value']);
    expect(cmi5Problems('<courseStructure><au>', FILES, 70).join()).toMatch(/not well-formed/);
  });

  it('escapes every XML special character and drops characters XML cannot hold', () => {
    expect(escapeXml(`a&b<c>d"e'f\u0001g`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;fg');
  });
});
