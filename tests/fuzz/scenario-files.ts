import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';

/**
 * Generators of scenario files for property tests and the fuzz bench: every shipped scenario, mutated
 * structurally (a field dropped, a value of the wrong kind, a number out of range, an id that points
 * nowhere, a list emptied or doubled), shipped scenarios with every number moved within what the schema
 * allows (mostly valid files that exercise the model with new numbers), and raw text damage (cut short,
 * characters inserted, lines swapped, YAML features such as anchors and tags).
 */
const ROOT = new URL('../../', import.meta.url).pathname;
const SCENARIO_DIR = join(ROOT, 'scenarios');

export const SHIPPED: readonly { file: string; text: string; data: unknown }[] = readdirSync(SCENARIO_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((file) => {
    const text = readFileSync(join(SCENARIO_DIR, file), 'utf8');
    return { file, text, data: parse(text) as unknown };
  });

/** A generated file; prints short in a counterexample (the whole text is in `text`). */
export interface GeneratedFile {
  name: string;
  text: string;
}

function file(name: string, text: string): GeneratedFile {
  return {
    name,
    text,
    [fc.toStringMethod]: () => `${name} (${text.length} chars, starts ${JSON.stringify(text.slice(0, 160))})`,
  } as GeneratedFile;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every path to a value in a document, with the value. */
function paths(value: Json, at: Path = []): [Path, Json][] {
  const here: [Path, Json][] = [[at, value]];
  if (Array.isArray(value)) return here.concat(value.flatMap((v, i) => paths(v, [...at, i])));
  if (value && typeof value === 'object') return here.concat(Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k])));
  return here;
}

function clone<T>(v: T): T {
  return structuredClone(v);
}

function parentOf(root: Json, path: Path): { parent: Json[] | Record<string, Json>; key: string | number } | null {
  if (path.length === 0) return null;
  let node: Json = root;
  for (const step of path.slice(0, -1)) node = (node as Record<string | number, Json>)[step as string]!;
  return { parent: node as Json[] | Record<string, Json>, key: path[path.length - 1]! };
}

const weirdValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 1e308, -1e308, 0.5, '', ' ', 'x', '~', '[]', '{}', 'NaN', '.inf', [], {}, [[]], { a: null }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 30 }),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }),
);

/** One structural change at a random place of a document. */
type Mutation = (doc: Json, pick: number, value: Json) => void;
const MUTATIONS: Mutation[] = [
  // Replace a value with one of another kind (or the same kind, out of range).
  (doc, pick, value) => {
    const all = paths(doc).filter(([p]) => p.length > 0);
    const [path] = all[pick % all.length]!;
    const at = parentOf(doc, path)!;
    (at.parent as Record<string | number, Json>)[at.key] = value;
  },
  // Drop a field or a list item.
  (doc, pick) => {
    const all = paths(doc).filter(([p]) => p.length > 0);
    const [path] = all[pick % all.length]!;
    const at = parentOf(doc, path)!;
    if (Array.isArray(at.parent)) at.parent.splice(at.key as number, 1);
    else delete at.parent[at.key as string];
  },
  // Duplicate a list item (duplicate ids, longer scripts).
  (doc, pick) => {
    const lists = paths(doc).filter(([, v]) => Array.isArray(v) && v.length > 0) as [Path, Json[]][];
    if (lists.length === 0) return;
    const [, list] = lists[pick % lists.length]!;
    list.push(clone(list[pick % list.length]!));
  },
  // Point an id reference at nothing, or rename an id so references to it break.
  (doc, pick, value) => {
    const ids = paths(doc).filter(([p, v]) => typeof v === 'string' && /id$|^(facts|reveals|backedBy)$/i.test(String(p[p.length - 1] ?? p[p.length - 2])));
    if (ids.length === 0) return;
    const [path] = ids[pick % ids.length]!;
    const at = parentOf(doc, path)!;
    (at.parent as Record<string | number, Json>)[at.key] = typeof value === 'string' && value ? value : 'nowhere';
  },
  // Add an unknown field.
  (doc, pick, value) => {
    const maps = paths(doc).filter(([, v]) => v !== null && typeof v === 'object' && !Array.isArray(v)) as [Path, Record<string, Json>][];
    const [, map] = maps[pick % maps.length]!;
    map[`extra${pick % 7}`] = value;
  },
];

/** A shipped scenario with 1-4 structural mutations, written back as YAML. */
export const mutatedScenario: fc.Arbitrary<GeneratedFile> = fc
  .record({
    base: fc.integer({ min: 0, max: SHIPPED.length - 1 }),
    steps: fc.array(fc.record({ kind: fc.integer({ min: 0, max: MUTATIONS.length - 1 }), pick: fc.nat(), value: weirdValue }), { minLength: 1, maxLength: 4 }),
  })
  .map(({ base, steps }) => {
    const doc = clone(SHIPPED[base]!.data) as Json;
    for (const s of steps) MUTATIONS[s.kind]!(doc, s.pick, s.value);
    return file(`mutated-${SHIPPED[base]!.file}`, stringify(doc));
  });

/**
 * A shipped scenario with its numbers moved within the schema's ranges: option values, walk-away and
 * target, persona parameters, prep effects. Mostly valid files with an economy nobody wrote by hand.
 */
export const renumberedScenario: fc.Arbitrary<GeneratedFile> = fc
  .record({
    base: fc.integer({ min: 0, max: SHIPPED.length - 1 }),
    seeds: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 64, maxLength: 64 }),
  })
  .map(({ base, seeds }) => {
    const doc = clone(SHIPPED[base]!.data) as Json;
    let i = 0;
    const next = () => seeds[i++ % seeds.length]!;
    for (const [path, value] of paths(doc)) {
      if (typeof value !== 'number' || path.length === 0) continue;
      const key = String(path[path.length - 1]);
      const at = parentOf(doc, path)!;
      const set = (v: number) => ((at.parent as Record<string | number, Json>)[at.key] = v);
      if (key === 'format' || key === 'turn' || key === 'difficulty' || key === 'patience' || key === 'learnedPressure') continue;
      // Unit-interval fields stay in 0..1; everything else is scaled by 0..3 and may change sign.
      if (value >= 0 && value <= 1 && !Number.isInteger(value)) set(Math.round(next() * 100) / 100);
      else if (key === 'exponent') set(0.1 + Math.round(next() * 40) / 10);
      else set(Math.round(value * next() * 3 * 10) / 10 - (next() < 0.1 ? 5 : 0));
    }
    return file(`renumbered-${SHIPPED[base]!.file}`, stringify(doc));
  });

/** Text-level damage to a shipped file, and YAML features a trainer might paste in. */
export const damagedText: fc.Arbitrary<GeneratedFile> = fc
  .record({
    base: fc.integer({ min: 0, max: SHIPPED.length - 1 }),
    kind: fc.integer({ min: 0, max: 5 }),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    insert: fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(': ', '\t', '- ', '&a ', '*a', '!!binary ', '{', '[', '"', "'", '\n  x', '<<: *a', '%YAML 1.1\n', '---\n', '\u0000', '\uFEFF'),
    ),
  })
  .map(({ base, kind, at, insert }) => {
    const text = SHIPPED[base]!.text;
    const cut = Math.floor(at * text.length);
    const lines = text.split('\n');
    const line = Math.floor(at * (lines.length - 1));
    let out: string;
    switch (kind) {
      case 0:
        out = text.slice(0, cut);
        break;
      case 1:
        out = text.slice(0, cut) + insert + text.slice(cut);
        break;
      case 2:
        [lines[line], lines[line + 1]] = [lines[line + 1]!, lines[line]!];
        out = lines.join('\n');
        break;
      case 3:
        lines.splice(line, 1);
        out = lines.join('\n');
        break;
      case 4:
        out = `${insert}\n${text}`;
        break;
      default:
        out = insert.repeat(1 + Math.floor(at * 50));
    }
    return file(`damaged-${SHIPPED[base]!.file}`, out);
  });

export const anyScenarioFile = fc.oneof(mutatedScenario, renumberedScenario, damagedText);
