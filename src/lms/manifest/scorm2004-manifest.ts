import { el, renderXml } from './xml.ts';
import { resourceFiles, xmlId, type PackageInfo } from './package-info.ts';

/**
 * imsmanifest.xml for SCORM 2004 4th Edition: one organization, one item and SCO per unit, simple
 * sequencing (the rep may choose any unit or go through them in order). Each SCO sets completion and
 * success itself (deliveryControls); its pass mark is also given to the LMS as the primary objective's
 * minimum normalized measure, which it hands back to the game as cmi.scaled_passing_score. Completion
 * needs the game to report it (completionThreshold is not by measure).
 */
export function scorm2004Manifest(p: PackageInfo): string {
  const id = xmlId(p.identifier);
  const single = p.units.length === 1;
  const itemId = (key: string) => (single ? `${id}-item` : `${id}-${xmlId(key)}-item`);
  const scoId = (key: string) => (single ? `${id}-sco` : `${id}-${xmlId(key)}-sco`);
  const objectiveId = (key: string) => (single ? `${id}-passed` : `${id}-${xmlId(key)}-passed`);
  const sharedId = `${id}-shared`;
  const files = resourceFiles(p);
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
        ...p.units.map((u) =>
          el(
            'item',
            { identifier: itemId(u.key), identifierref: scoId(u.key), isvisible: 'true' },
            el('title', {}, u.title),
            el('adlcp:completionThreshold', { completedByMeasure: 'false', minProgressMeasure: '1.0' }),
            el(
              'imsss:sequencing',
              {},
              el(
                'imsss:objectives',
                {},
                el(
                  'imsss:primaryObjective',
                  { objectiveID: objectiveId(u.key), satisfiedByMeasure: 'true' },
                  el('imsss:minNormalizedMeasure', {}, (u.passMark / 100).toFixed(2)),
                ),
              ),
              el('imsss:deliveryControls', { tracked: 'true', completionSetByContent: 'true', objectiveSetByContent: 'true' }),
            ),
          ),
        ),
        el('imsss:sequencing', {}, el('imsss:controlMode', { choice: 'true', flow: 'true' })),
      ),
    ),
    el(
      'resources',
      {},
      ...p.units.map((u) =>
        el(
          'resource',
          { identifier: scoId(u.key), type: 'webcontent', 'adlcp:scormType': 'sco', href: u.launchHref },
          ...files.own(u).map((f) => el('file', { href: f })),
          files.shared && el('dependency', { identifierref: sharedId }),
        ),
      ),
      files.shared &&
        el('resource', { identifier: sharedId, type: 'webcontent', 'adlcp:scormType': 'asset' }, ...files.shared.map((f) => el('file', { href: f }))),
    ),
  );
  return renderXml(manifest);
}
