import { el, renderXml } from './xml.ts';
import { resourceFiles, xmlId, type PackageInfo } from './package-info.ts';

/**
 * imsmanifest.xml for SCORM 1.2 (IMS Content Packaging 1.1.2 with the ADL 1.2 extensions): one
 * organization with one item per unit, each launching its own SCO; the pass mark is the item's
 * masteryscore, which the LMS hands to the game as cmi.student_data.mastery_score. Files shared by
 * several SCOs live in one asset resource the SCOs depend on.
 */
export function scorm12Manifest(p: PackageInfo): string {
  const id = xmlId(p.identifier);
  const single = p.units.length === 1;
  const itemId = (key: string) => (single ? `${id}-item` : `${id}-${xmlId(key)}-item`);
  const scoId = (key: string) => (single ? `${id}-sco` : `${id}-${xmlId(key)}-sco`);
  const sharedId = `${id}-shared`;
  const files = resourceFiles(p);
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
        ...p.units.map((u) =>
          el(
            'item',
            { identifier: itemId(u.key), identifierref: scoId(u.key), isvisible: 'true' },
            el('title', {}, u.title),
            el('adlcp:masteryscore', {}, String(u.passMark)),
          ),
        ),
      ),
    ),
    el(
      'resources',
      {},
      ...p.units.map((u) =>
        el(
          'resource',
          { identifier: scoId(u.key), type: 'webcontent', 'adlcp:scormtype': 'sco', href: u.launchHref },
          ...files.own(u).map((f) => el('file', { href: f })),
          files.shared && el('dependency', { identifierref: sharedId }),
        ),
      ),
      files.shared &&
        el('resource', { identifier: sharedId, type: 'webcontent', 'adlcp:scormtype': 'asset' }, ...files.shared.map((f) => el('file', { href: f }))),
    ),
  );
  return renderXml(manifest);
}
