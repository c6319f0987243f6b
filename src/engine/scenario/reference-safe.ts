import type { Scenario } from './schema.ts';

/**
 * A copy of data that failed the schema, made safe for the reference check to walk: every list the
 * check reads is a list, every item it reads fields of is a mapping, and nulls are dropped. Parts of
 * the wrong shape become empty rather than throwing; the loader reports their shape problems and drops
 * the reference problems that touch them, so a trainer sees the shape and the references of the rest
 * in one pass.
 */
export function referenceSafeCopy(data: unknown): Scenario {
  const s = mapping(data);
  const beat = (b: Record<string, unknown>) => ({
    ...b,
    choices: mappings(b['choices']).map((c) => ({ ...c, tags: list(c['tags']), effect: c['effect'] === undefined ? undefined : mapping(c['effect']) })),
  });
  return {
    ...s,
    issues: mappings(s['issues']).map((i) => ({ ...i, options: mappings(i['options']) })),
    facts: mappings(s['facts']),
    discovery: mappings(s['discovery']),
    personas: mappings(s['personas']).map((p) => ({ ...p, signals: list(p['signals']), tactics: mappings(p['tactics']), claims: mappings(p['claims']) })),
    beats: mappings(s['beats']).map(beat),
    interjections: mappings(s['interjections']).map(beat),
    batna: { ...mapping(s['batna']), facts: list(mapping(s['batna'])['facts']) },
    flow: mapping(s['flow']),
  } as unknown as Scenario;
}

/** A mapping with its null values dropped (a null is never a reference), or an empty one. */
function mapping(v: unknown): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return {};
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null));
}

function mappings(v: unknown): Record<string, unknown>[] {
  return list(v).map(mapping);
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
