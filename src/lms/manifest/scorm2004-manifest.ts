import { el, renderXml } from './xml.ts';
import { xmlId, type PackageInfo } from './package-info.ts';

/**
 * imsmanifest.xml for SCORM 2004 4th Edition: one organization, one item, one SCO, simple sequencing.
 * The content sets completion and success itself (deliveryControls); the pass mark is also given to
 * the LMS as the primary objective's minimum normalized measure, which it hands back to the game as
 * cmi.scaled_passing_score. Completion needs the game to report it (completionThreshold is not by
 * measure).
 */
export function scorm2004Manifest(p: PackageInfo): string {
  const id = xmlId(p.identifier);
  const scaled = (p.passMark / 100).toFixed(2);
  const manifest = el(
    'manifest',
    {
      identifier: id,
      version: '1',
      xmlns: 'http://www.imsglobal.org/xsd/imscp_v1p1',
      'xmlns:adlcp': 'http://www.adlnet.org/xsd/adlcp_v1p3',
      'xmlns:adlseq': 'http://www.adlnet.org/xsd/adlseq_v1p3',
      'xmlns:adlnav': 'http://www.adlnet.org/xsd/adlnav_v1p3',
      'xmlns:imsss': 'http://www.imsglobal.org/xsd/imsss',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation':
        'http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd',
    },
    el('metadata', {}, el('schema', {}, 'ADL SCORM'), el('schemaversion', {}, '2004 4th Edition')),
    el(
      'organizations',
      { default: `${id}-org` },
      el(
        'organization',
        { identifier: `${id}-org`, 'adlseq:objectivesGlobalToSystem': 'false' },
        el('title', {}, p.title),
        el(
          'item',
          { identifier: `${id}-item`, identifierref: `${id}-sco`, isvisible: 'true' },
          el('title', {}, p.title),
          el('adlcp:completionThreshold', { completedByMeasure: 'false', minProgressMeasure: '1.0' }),
          el(
            'imsss:sequencing',
            {},
            el(
              'imsss:objectives',
              {},
              el(
                'imsss:primaryObjective',
                { objectiveID: `${id}-passed`, satisfiedByMeasure: 'true' },
                el('imsss:minNormalizedMeasure', {}, scaled),
              ),
            ),
            el('imsss:deliveryControls', { tracked: 'true', completionSetByContent: 'true', objectiveSetByContent: 'true' }),
          ),
        ),
        el('imsss:sequencing', {}, el('imsss:controlMode', { choice: 'true', flow: 'true' })),
      ),
    ),
    el(
      'resources',
      {},
      el(
        'resource',
        { identifier: `${id}-sco`, type: 'webcontent', 'adlcp:scormType': 'sco', href: p.launchHref },
        ...p.files.map((f) => el('file', { href: f })),
      ),
    ),
  );
  return renderXml(manifest);
}
