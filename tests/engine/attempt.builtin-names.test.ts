import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  compileScenario,
  encodePackage,
  decodePackage,
  loadScenario,
  replayAttempt,
  ScenarioError,
  Session,
  type SessionSnapshot,
} from '../../src/engine/index.ts';
import { personaText } from '../../src/engine/text.ts';
import { compiledFixture } from '../helpers.ts';

/**
 * The builtin-names fixture names its scenario, a persona, a beat, a choice, an issue, an option and a
 * discovery item "constructor". Whatever a player does, everything said comes from the file, never from
 * what every JavaScript object inherits, and every game replays from its record.
 */
const c = compiledFixture('builtin-names');
const TEXT = readFileSync(new URL('../fixtures/builtin-names.yaml', import.meta.url), 'utf8');

function textsOf(s: SessionSnapshot): unknown[] {
  return [s.speaker, s.line, s.prompt, s.hint, s.reaction, ...s.choices.map((ch) => ch.text), ...s.termsView.map((t) => t.optionLabel)];
}

function expectOwnTexts(s: SessionSnapshot): void {
  for (const t of textsOf(s)) {
    if (t === null) continue;
    expect(typeof t).toBe('string');
    expect(t).not.toMatch(/native code|\[object|function /);
  }
}

describe('ids named like built-in object properties', () => {
  it('personaText finds only the texts written for a persona', () => {
    expect(personaText({ default: 'Hello.' }, 'constructor')).toBe('Hello.');
    expect(personaText({ default: 'Hello.', constructor: 'Hi.' }, 'constructor')).toBe('Hi.');
    expect(personaText({ default: 'Hello.' }, '__proto__')).toBe('Hello.');
    expect(personaText({ default: 'Hello.' }, 'toString')).toBe('Hello.');
    expect(personaText({ default: 'Hello.' }, 'hasOwnProperty')).toBe('Hello.');
    expect(personaText({ buyer: 'Hi.' } as Record<string, string>, 'constructor')).toBeUndefined();
  });

  it('every game against either persona says only what the file says, and replays to the same result', () => {
    for (const personaId of ['constructor', 'buyer']) {
      for (let game = 0; game < 30; game++) {
        const s = Session.create(c, personaId, game % 7);
        let bot = game * 7919 + 1;
        expectOwnTexts(s.snapshot());
        while (!s.isOver()) {
          const choices = s.snapshot().choices;
          bot = (Math.imul(bot, 1103515245) + 12345) >>> 0;
          s.choose(choices[bot % choices.length]!.id);
          expectOwnTexts(s.snapshot());
        }
        for (const t of s.result()!.transcript) expect(t.line).not.toMatch(/native code/);
        expect(replayAttempt(c, JSON.parse(JSON.stringify(s.attempt()))).result()).toEqual(s.result());
      }
    }
  });

  it('the beat, choice, discovery item and texts named "constructor" read as written', () => {
    // Coach mode: hints are shown only there.
    const robin = Session.create(c, 'constructor', 1, 'coach');
    robin.choose('line-up-other');
    let snap = robin.snapshot();
    expect(snap.prompt).toBe('We need 20% off.');
    expect(snap.hint).toBe('Ask before you give.');
    expect(Object.keys(snap.terms)).toEqual(['price', 'constructor']);
    expect(snap.termsView.map((t) => t.issueLabel)).toEqual(['Price', 'Term']);
    snap = robin.choose('ask-deadline');
    expect(snap.reaction).toBe('Our budget closes at month end.');
    expect(snap.discovered).toEqual(['constructor']);

    const sam = Session.create(c, 'buyer', 1, 'coach');
    sam.choose('skip-prep');
    expect(sam.snapshot().hint).toBe('Sam answers questions. Ask.');
    // Sam has no answer written for the item: nothing is said, rather than something inherited.
    expect(sam.choose('ask-deadline').reaction).toBeNull();
    expect(sam.choose('hold-middle').reaction).toBe('Hm. Fair enough.');

    const held = Session.create(c, 'constructor', 1);
    held.choose('skip-prep');
    expect(held.choose('constructor').reaction).toBe('I see.');
  });

  it('a fact named "constructor" backs a claim like any other fact', () => {
    // Facts and discovery items share a namespace, so this variant gives the name to the fact instead.
    const variant = TEXT.replaceAll('[constructor]', '[deadline]')
      .replace('  - { id: constructor, label: Their budget', '  - { id: deadline, label: Their budget')
      .replace('      constructor: Our budget closes', '      deadline: Our budget closes')
      .replaceAll('other-deal', 'constructor');
    const v = compileScenario(loadScenario(variant, 'fact-variant.yaml'));
    const play = (prep: string) => {
      const s = Session.create(v, 'constructor', 3);
      for (const id of [prep, 'ask-deadline', 'claim-other']) s.choose(id);
      return s;
    };
    const backed = play('line-up-other');
    expect(backed.snapshot().facts).toEqual(['constructor']);
    expect(backed.snapshot().discovered).toEqual(['deadline']);
    expect(backed.context.model.tally.bluffs).toBe(0);
    expect(backed.context.model.tally.backedClaims).toBe(1);
    const bluffed = play('skip-prep');
    expect(bluffed.snapshot().facts).toEqual([]);
    expect(bluffed.context.model.tally.bluffs).toBe(1);
  });

  it('packages on an issue and option named "constructor" are written and read back', () => {
    const terms = { price: 'd10', constructor: 'constructor' };
    expect(encodePackage(c, terms)).toEqual([1, 1]);
    expect(decodePackage(c, [1, 1])).toEqual(terms);
    expect(() => encodePackage(c, { price: 'd10' })).toThrow(/Term/);
  });

  it('a proposal that leaves out the issue named "constructor" is reported, not played into a crash', () => {
    const broken = TEXT.replace('proposal: { price: full, constructor: one-year }', 'proposal: { price: full }');
    let problems: string[] = [];
    try {
      compileScenario(loadScenario(broken, 'broken.yaml'));
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      problems = e.problems.map((p) => `${p.path} ${p.message}`);
    }
    expect(problems).toContain('proposal missing issue "constructor"');
  });
});
