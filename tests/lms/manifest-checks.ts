import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** The pass mark of every unit, or one per unit in the manifest's order. */
type PassMarks = number | readonly number[];
const markOf = (marks: PassMarks, i: number): number => (typeof marks === 'number' ? marks : (marks[i] ?? Number.NaN));

/**
 * The standards' rules for a package's manifest, checked on the XML text and the zip's file list:
 * well-formed XML, the namespaces and schema version, unique valid identifiers, references that
 * resolve, files that exist, and the pass mark where each standard keeps it. Each returns the
 * problems found (none: valid).
 */
type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['organization', 'item', 'resource', 'file', 'dependency', 'au', 'block', 'langstring'].includes(name),
});

const NCNAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;

function parse(xml: string, problems: string[]): Node | null {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    problems.push(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
    return null;
  }
  if (!xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')) problems.push('no XML declaration with UTF-8');
  return parser.parse(xml) as Node;
}

const arr = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : v === undefined ? [] : [v as Node]);
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'object' && v && '#text' in v ? String((v as Node)['#text']) : '');

function checkContentPackage(xml: string, zipFiles: readonly string[], edition: '1.2' | '2004'): { problems: string[]; manifest: Node | null } {
  const problems: string[] = [];
  const doc = parse(xml, problems);
  const manifest = doc?.['manifest'] as Node | undefined;
  if (!manifest) {
    if (doc) problems.push('no <manifest> root');
    return { problems, manifest: null };
  }
  const ns =
    edition === '1.2'
      ? { cp: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2', adlcp: 'http://www.adlnet.org/xsd/adlcp_rootv1p2', version: '1.2' }
      : { cp: 'http://www.imsglobal.org/xsd/imscp_v1p1', adlcp: 'http://www.adlnet.org/xsd/adlcp_v1p3', version: '2004 4th Edition' };
  if (manifest['@xmlns'] !== ns.cp) problems.push(`manifest namespace is ${String(manifest['@xmlns'])}, not ${ns.cp}`);
  if (manifest['@xmlns:adlcp'] !== ns.adlcp) problems.push(`adlcp namespace is ${String(manifest['@xmlns:adlcp'])}`);
  if (edition === '2004' && manifest['@xmlns:imsss'] !== 'http://www.imsglobal.org/xsd/imsss') problems.push('no imsss namespace');
  const metadata = manifest['metadata'] as Node | undefined;
  if (text(metadata?.['schema']) !== 'ADL SCORM') problems.push('metadata/schema is not "ADL SCORM"');
  if (text(metadata?.['schemaversion']) !== ns.version) problems.push(`metadata/schemaversion is "${text(metadata?.['schemaversion'])}", not "${ns.version}"`);

  const ids = new Set<string>();
  const identify = (node: Node, what: string) => {
    const id = node['@identifier'];
    if (typeof id !== 'string' || !NCNAME.test(id)) problems.push(`${what} has no valid identifier (${String(id)})`);
    else if (ids.has(id)) problems.push(`identifier ${id} is used twice`);
    else ids.add(id);
    return String(id);
  };
  identify(manifest, 'manifest');

  const resources = arr((manifest['resources'] as Node | undefined)?.['resource']);
  const resourceIds = new Set(resources.map((r) => identify(r, 'a resource')));
  const zip = new Set(zipFiles);
  const listed = new Set<string>();
  const scoIds = new Set<string>();
  for (const r of resources) {
    const id = String(r['@identifier']);
    const scormType = edition === '1.2' ? r['@adlcp:scormtype'] : r['@adlcp:scormType'];
    if (scormType !== 'sco' && scormType !== 'asset') problems.push(`resource ${id} is neither a sco nor an asset (${String(scormType)})`);
    if (r['@type'] !== 'webcontent') problems.push(`resource ${id} is not webcontent`);
    for (const f of arr(r['file'])) {
      const h = String(f['@href']);
      listed.add(h);
      if (!zip.has(h)) problems.push(`file ${h} is listed but not in the zip`);
    }
    for (const d of arr(r['dependency'])) {
      if (!resourceIds.has(String(d['@identifierref']))) problems.push(`resource ${id} depends on ${String(d['@identifierref'])}, which names no resource`);
    }
    if (scormType !== 'sco') continue;
    scoIds.add(id);
    const href = String(r['@href'] ?? '');
    if (!zip.has(href)) problems.push(`resource href ${href} is not in the zip`);
    if (!arr(r['file']).some((f) => f['@href'] === href)) problems.push(`the launch file ${href} is not listed as a file of its resource`);
  }
  for (const f of zipFiles) if (f !== 'imsmanifest.xml' && !listed.has(f)) problems.push(`${f} is in the zip but not in the manifest`);

  const organizations = manifest['organizations'] as Node | undefined;
  const orgs = arr(organizations?.['organization']);
  const orgIds = orgs.map((o) => identify(o, 'an organization'));
  if (!orgIds.includes(String(organizations?.['@default'])))
    problems.push(`organizations default ${String(organizations?.['@default'])} names no organization`);
  for (const o of orgs) {
    if (!text(o['title'])) problems.push('an organization has no title');
    const items = arr(o['item']);
    if (items.length === 0) problems.push('an organization has no item');
    for (const item of items) {
      identify(item, 'an item');
      if (!text(item['title'])) problems.push('an item has no title');
      if (!resourceIds.has(String(item['@identifierref']))) problems.push(`item identifierref ${String(item['@identifierref'])} names no resource`);
      else if (!scoIds.has(String(item['@identifierref']))) problems.push(`item ${String(item['@identifier'])} launches a resource that is not a sco`);
    }
  }
  return { problems, manifest };
}

export function scorm12Problems(xml: string, zipFiles: readonly string[], passMarks: PassMarks): string[] {
  const { problems, manifest } = checkContentPackage(xml, zipFiles, '1.2');
  if (!manifest) return problems;
  for (const o of arr((manifest['organizations'] as Node)['organization'])) {
    for (const [i, item] of arr(o['item']).entries()) {
      const passMark = markOf(passMarks, i);
      const mastery = text(item['adlcp:masteryscore']);
      if (!/^\d{1,3}$/.test(mastery) || Number(mastery) > 100) problems.push(`masteryscore "${mastery}" is not a whole number 0..100`);
      else if (Number(mastery) !== passMark) problems.push(`masteryscore ${mastery} is not the pass mark ${passMark}`);
    }
  }
  return problems;
}

export function scorm2004Problems(xml: string, zipFiles: readonly string[], passMarks: PassMarks): string[] {
  const { problems, manifest } = checkContentPackage(xml, zipFiles, '2004');
  if (!manifest) return problems;
  for (const o of arr((manifest['organizations'] as Node)['organization'])) {
    for (const [i, item] of arr(o['item']).entries()) {
      const passMark = markOf(passMarks, i);
      const seq = item['imsss:sequencing'] as Node | undefined;
      const primary = (seq?.['imsss:objectives'] as Node | undefined)?.['imsss:primaryObjective'] as Node | undefined;
      const threshold = item['adlcp:completionThreshold'] as Node | undefined;
      if (!primary && !threshold) problems.push('an item has neither a completion threshold nor a scaled passing score');
      if (primary) {
        if (primary['@satisfiedByMeasure'] !== 'true') problems.push('the primary objective is not satisfied by measure');
        const min = Number(text(primary['imsss:minNormalizedMeasure']));
        if (!(min >= -1 && min <= 1)) problems.push(`minNormalizedMeasure ${min} is outside -1..1`);
        else if (Math.abs(min - passMark / 100) > 1e-9) problems.push(`minNormalizedMeasure ${min} is not the pass mark ${passMark}/100`);
        if (!NCNAME.test(String(primary['@objectiveID'] ?? '')) && !IRI.test(String(primary['@objectiveID'] ?? '')))
          problems.push('the primary objective has no objectiveID');
      }
      if (threshold && threshold['@minProgressMeasure'] !== undefined) {
        const m = Number(threshold['@minProgressMeasure']);
        if (!(m >= 0 && m <= 1)) problems.push(`minProgressMeasure ${m} is outside 0..1`);
      }
      const delivery = seq?.['imsss:deliveryControls'] as Node | undefined;
      if (delivery?.['@completionSetByContent'] !== 'true' || delivery?.['@objectiveSetByContent'] !== 'true') {
        problems.push('the content does not set completion and success itself (deliveryControls)');
      }
    }
  }
  return problems;
}

export function cmi5Problems(xml: string, zipFiles: readonly string[], passMarks: PassMarks): string[] {
  const problems: string[] = [];
  const doc = parse(xml, problems);
  const root = doc?.['courseStructure'] as Node | undefined;
  if (!root) return doc ? [...problems, 'no <courseStructure> root'] : problems;
  if (root['@xmlns'] !== 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd') problems.push(`namespace is ${String(root['@xmlns'])}`);
  const course = root['course'] as Node | undefined;
  const langText = (n: unknown) => arr((n as Node | undefined)?.['langstring']).map((l) => ({ lang: String(l['@lang'] ?? ''), text: text(l) }));
  if (!course || !IRI.test(String(course['@id'] ?? ''))) problems.push('the course has no IRI id');
  if (!langText(course?.['title']).some((l) => l.lang && l.text)) problems.push('the course has no title langstring');
  if (!langText(course?.['description']).some((l) => l.lang && l.text)) problems.push('the course has no description langstring');
  const aus = arr(root['au']);
  if (aus.length === 0) problems.push('no AU');
  const ids = new Set([String(course?.['@id'])]);
  const zip = new Set(zipFiles);
  for (const [i, au] of aus.entries()) {
    const passMark = markOf(passMarks, i);
    const id = String(au['@id'] ?? '');
    if (!IRI.test(id)) problems.push(`AU id "${id}" is not an IRI`);
    if (ids.has(id)) problems.push(`AU id ${id} is not unique`);
    ids.add(id);
    if (!['Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed', 'NotApplicable'].includes(String(au['@moveOn'])))
      problems.push(`AU moveOn "${String(au['@moveOn'])}" is not a cmi5 value`);
    if (!['AnyWindow', 'OwnWindow'].includes(String(au['@launchMethod'])))
      problems.push(`AU launchMethod "${String(au['@launchMethod'])}" is not a cmi5 value`);
    const mastery = Number(au['@masteryScore']);
    if (!(mastery >= 0 && mastery <= 1)) problems.push(`AU masteryScore ${String(au['@masteryScore'])} is outside 0..1`);
    else if (Math.abs(mastery - passMark / 100) > 1e-9) problems.push(`AU masteryScore ${mastery} is not the pass mark ${passMark}/100`);
    if (!langText(au['title']).some((l) => l.lang && l.text)) problems.push('the AU has no title langstring');
    if (!langText(au['description']).some((l) => l.lang && l.text)) problems.push('the AU has no description langstring');
    const url = text(au['url']);
    if (!url || /^[a-z]+:/i.test(url)) problems.push(`AU url "${url}" is not relative`);
    else if (!zip.has(url.split(/[?#]/)[0]!)) problems.push(`AU url ${url} is not in the zip`);
  }
  return problems;
}
