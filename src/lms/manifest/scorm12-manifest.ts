import { el, renderXml } from './xml.ts';
import { xmlId, type PackageInfo } from './package-info.ts';

/**
 * imsmanifest.xml for SCORM 1.2 (IMS Content Packaging 1.1.2 with the ADL 1.2 extensions): one
 * organization with one item, launching one SCO; the pass mark is the item's masteryscore, which the
 * LMS hands to the game as cmi.student_data.mastery_score.
 */
export function scorm12Manifest(p: PackageInfo): string {
  const id = xmlId(p.identifier);
  const manifest = el(
    'manifest',
    {
      identifier: id,
      version: '1.0',
      xmlns: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
      'xmlns:adlcp': 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation':
        'http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd',
    },
    el('metadata', {}, el('schema', {}, 'ADL SCORM'), el('schemaversion', {}, '1.2')),
    el(
      'organizations',
      { default: `${id}-org` },
      el(
        'organization',
        { identifier: `${id}-org` },
        el('title', {}, p.title),
        el(
          'item',
          { identifier: `${id}-item`, identifierref: `${id}-sco`, isvisible: 'true' },
          el('title', {}, p.title),
          el('adlcp:masteryscore', {}, String(p.passMark)),
        ),
      ),
    ),
    el(
      'resources',
      {},
      el(
        'resource',
        { identifier: `${id}-sco`, type: 'webcontent', 'adlcp:scormtype': 'sco', href: p.launchHref },
        ...p.files.map((f) => el('file', { href: f })),
      ),
    ),
  );
  return renderXml(manifest);
}
