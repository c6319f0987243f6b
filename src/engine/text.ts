import type { PersonaTextDef } from './scenario/schema.ts';

/**
 * Resolves a line that may be written per persona. Only the entries written in the file count: a
 * persona id such as "constructor" must not find what every object inherits.
 */
export function personaText(t: PersonaTextDef | undefined, personaId: string): string | undefined {
  if (t === undefined) return undefined;
  if (typeof t === 'string') return t;
  return ownEntry(t, personaId) ?? ownEntry(t, 'default');
}

/** `record[key]` when the record itself holds that key; undefined for inherited names like "constructor". */
export function ownEntry<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
