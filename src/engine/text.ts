import type { PersonaTextDef } from './scenario/schema.ts';

/** Resolves a line that may be written per persona. */
export function personaText(t: PersonaTextDef | undefined, personaId: string): string | undefined {
  if (t === undefined) return undefined;
  if (typeof t === 'string') return t;
  return t[personaId] ?? t['default'];
}
