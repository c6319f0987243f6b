import type { AssignmentMode } from '../assignment.ts';

/** One assignable unit of a package: a SCORM SCO or a cmi5 AU. */
export interface PackageUnit {
  /** Unique within the package: part of the unit's manifest identifiers (letters, digits, dashes). */
  key: string;
  title: string;
  description: string;
  /** The page the LMS launches, relative to the package root. */
  launchHref: string;
  /** Total score out of 100 needed to pass. */
  passMark: number;
  mode: AssignmentMode;
  /** The xAPI activity id of the unit (cmi5's AU id). */
  activityId: string;
  /** cmi5: whether the LMS waits for a pass before the unit counts as done (else completion is enough). */
  mustPass: boolean;
}

/** What every manifest needs to know about the package it describes. */
export interface PackageInfo {
  /** Unique and stable per package: the manifest identifier (letters, digits, dashes, dots). */
  identifier: string;
  title: string;
  description: string;
  /** The course's IRI (cmi5's course id). */
  courseId: string;
  /** Every file of the package, relative paths with forward slashes (the manifest lists them). */
  files: readonly string[];
  /** One for a single assignment; one per step for a learning path. */
  units: readonly PackageUnit[];
}

/** An XML ID (NCName) made from free text: SCORM identifiers must be valid xs:ID values. */
export function xmlId(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `id-${cleaned}`;
}

/**
 * Which files each unit's SCORM resource lists. One unit: every file. Several: each lists its launch
 * page and depends on one shared asset resource holding the rest (the game itself), as the content
 * packaging standard intends for files several SCOs use.
 */
export function resourceFiles(p: PackageInfo): { own: (u: PackageUnit) => string[]; shared: string[] | null } {
  if (p.units.length === 1) return { own: () => [...p.files], shared: null };
  const launchPages = new Set(p.units.map((u) => u.launchHref));
  return { own: (u) => [u.launchHref], shared: p.files.filter((f) => !launchPages.has(f)) };
}
