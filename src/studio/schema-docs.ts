import { ITEM, type PathSegment } from './yaml-path.ts';

/**
 * Reads the scenario format's JSON Schema (the output of `walkaway schema`, committed as
 * scenarios/schema.json) for the editor: which keys a mapping takes, and what a field means.
 */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
}

/** Every schema the path can lead to (a union leads to each of its members). */
export function schemasAt(root: JsonSchema, path: readonly PathSegment[]): JsonSchema[] {
  let current = expand(root);
  for (const seg of path) {
    const next: JsonSchema[] = [];
    for (const s of current) {
      if (seg === ITEM) {
        if (s.items) next.push(s.items);
      } else if (s.properties?.[seg]) next.push(s.properties[seg]);
      else if (typeof s.additionalProperties === 'object') next.push(s.additionalProperties);
    }
    current = next.flatMap(expand);
    if (current.length === 0) break;
  }
  return current;
}

function expand(s: JsonSchema): JsonSchema[] {
  return s.anyOf ? [s, ...s.anyOf.flatMap(expand)] : [s];
}

export interface KeyDoc {
  key: string;
  required: boolean;
  detail: string;
  description: string;
}

/** The keys a mapping at `path` takes, with what each means. */
export function keysAt(root: JsonSchema, path: readonly PathSegment[]): KeyDoc[] {
  const out = new Map<string, KeyDoc>();
  for (const s of schemasAt(root, path)) {
    for (const [key, prop] of Object.entries(s.properties ?? {})) {
      if (out.has(key)) continue;
      out.set(key, { key, required: s.required?.includes(key) ?? false, detail: typeSummary(prop), description: describe(prop) });
    }
  }
  return [...out.values()];
}

/** The fixed values a field at `path` may take (enums, constants, true/false). */
export function valuesAt(root: JsonSchema, path: readonly PathSegment[]): string[] {
  const out = new Set<string>();
  for (const s of schemasAt(root, path)) {
    for (const v of s.enum ?? []) out.add(String(v));
    if (s.const !== undefined) out.add(String(s.const));
    if (s.type === 'boolean') ['true', 'false'].forEach((v) => out.add(v));
    if (s.items) for (const v of s.items.enum ?? []) out.add(String(v));
  }
  return [...out];
}

/** A field's documentation for a tooltip: what it means, its type, limits and allowed values. */
export function docAt(root: JsonSchema, path: readonly PathSegment[]): { title: string; text: string } | null {
  const schemas = schemasAt(root, path);
  if (schemas.length === 0) return null;
  const [first] = schemas;
  const description = schemas.map((s) => s.description).find(Boolean) ?? '';
  const parentRequired = path.length > 0 && schemasAt(root, path.slice(0, -1)).some((p) => p.required?.includes(path[path.length - 1]!));
  const lines = [description, `${typeSummary(first!)}${parentRequired ? ', required' : ''}`].filter(Boolean);
  const values = valuesAt(root, path);
  if (values.length && values.length <= 20) lines.push(`One of: ${values.join(', ')}`);
  return { title: path.filter((p) => p !== ITEM).join('.') || '(file)', text: lines.join('\n') };
}

function describe(s: JsonSchema): string {
  return s.description ?? s.anyOf?.map((a) => a.description).find(Boolean) ?? '';
}

/** "number 0..1", "list of at most 12", "text (at most 200 characters)", ... */
export function typeSummary(s: JsonSchema): string {
  if (s.anyOf) return [...new Set(s.anyOf.map(typeSummary))].join(' or ');
  const type = Array.isArray(s.type) ? s.type.join(' or ') : s.type;
  if (s.enum) return 'one of a fixed list';
  switch (type) {
    case 'number':
    case 'integer': {
      const range = s.minimum !== undefined && s.maximum !== undefined ? ` ${s.minimum}..${s.maximum}` : '';
      return `${type === 'integer' ? 'whole number' : 'number'}${range}`;
    }
    case 'string':
      return s.pattern ? 'id (lowercase letters, digits, dashes)' : `text${s.maxLength ? ` (at most ${s.maxLength} characters)` : ''}`;
    case 'array':
      return `list${s.maxItems !== undefined ? ` of at most ${s.maxItems}` : ''}`;
    case 'object':
      return s.properties ? 'mapping' : 'mapping of your own keys';
    case 'boolean':
      return 'true or false';
    default:
      return type ?? 'value';
  }
}
