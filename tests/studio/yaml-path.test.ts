import { describe, expect, it } from 'vitest';
import { cursorPlace, ITEM } from '../../src/studio/yaml-path.ts';
import { docAt, keysAt, valuesAt, type JsonSchema } from '../../src/studio/schema-docs.ts';
import schemaJson from '../../scenarios/schema.json';

const SCHEMA = schemaJson as JsonSchema;

/** The place of the `|` in a text. */
function at(textWithCursor: string) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  const before = text.slice(0, offset).split('\n');
  return cursorPlace(text.split('\n'), before.length - 1, before[before.length - 1]!.length);
}

describe('where the cursor is in a scenario file', () => {
  it('finds the mapping a half-typed key belongs to, through list items', () => {
    const p = at(['personas:', '  - id: tough', '    concession:', '      exp|'].join('\n'));
    expect(p.parent).toEqual(['personas', ITEM, 'concession']);
    expect(p.inKey).toBe(true);
    expect(p.word).toBe('exp');
    expect(keysAt(SCHEMA, p.parent).map((k) => k.key)).toEqual(expect.arrayContaining(['exponent', 'start']));
  });

  it('knows a value from a key, and offers the fixed values of that field', () => {
    const p = at(['beats:', '  - id: open', '    phase: |'].join('\n'));
    expect(p).toMatchObject({ parent: ['beats', ITEM], key: 'phase', inKey: false });
    expect(valuesAt(SCHEMA, [...p.parent, p.key!])).toEqual(['prep', 'opening', 'discovery', 'bargaining', 'closing']);
  });

  it('reads one-line mappings: an option of an issue, a tactic', () => {
    const option = at(['issues:', '  - id: price', '    options:', '      - { id: list, la|'].join('\n'));
    expect(option).toMatchObject({ parent: ['issues', ITEM, 'options', ITEM], inKey: true, word: 'la' });
    const tactic = at(['personas:', '  - id: p', '    tactics:', '      - { kind: dead|'].join('\n'));
    expect(tactic).toMatchObject({ parent: ['personas', ITEM, 'tactics', ITEM], key: 'kind', inKey: false, word: 'dead' });
    expect(valuesAt(SCHEMA, [...tactic.parent, 'kind'])).toContain('deadline');
    const concession = at(['personas:', '  - id: p', '    concession: { exponent: 1, st|'].join('\n'));
    expect(concession.parent).toEqual(['personas', ITEM, 'concession']);
  });

  it('skips blank lines, comments and sibling keys on the way up', () => {
    const p = at(['briefing:', '  situation:', '    - One line.', '', '  # a note', '  fa|'].join('\n'));
    expect(p.parent).toEqual(['briefing']);
    expect(at('unit|').parent).toEqual([]);
  });
});

describe('field documentation from the JSON Schema', () => {
  it("says what a persona's batna means, its type and limits", () => {
    const doc = docAt(SCHEMA, ['personas', ITEM, 'batna']);
    expect(doc!.text).toContain("Strength of the counterpart's own alternative");
    expect(doc!.text).toContain('number 0..1');
    expect(doc!.text).toContain('required');
  });

  it('marks required keys and describes them', () => {
    const top = keysAt(SCHEMA, []);
    expect(top.find((k) => k.key === 'walkAway')).toMatchObject({ required: true });
    expect(top.find((k) => k.key === 'walkAway')!.description).toMatch(/walk-away/);
    expect(top.find((k) => k.key === 'source')).toMatchObject({ required: false });
  });
});
