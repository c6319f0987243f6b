/** What every manifest needs to know about the package it describes. */
export interface PackageInfo {
  /** Unique and stable per assignment: the manifest identifier (letters, digits, dashes, dots). */
  identifier: string;
  title: string;
  description: string;
  /** The page the LMS launches, relative to the package root. */
  launchHref: string;
  /** Every file of the package, relative paths with forward slashes (the manifest lists them). */
  files: readonly string[];
  /** Total score out of 100 needed to pass. */
  passMark: number;
  mode: 'practice' | 'assessment';
  /** The xAPI activity id of the assignment (cmi5's AU id). */
  activityId: string;
}

/** An XML ID (NCName) made from free text: SCORM identifiers must be valid xs:ID values. */
export function xmlId(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `id-${cleaned}`;
}
