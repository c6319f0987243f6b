import { CHOICE_TAGS } from '../vocabulary.ts';
import type { BeatDef, ChoiceDef, Scenario } from './schema.ts';

/**
 * What plays but probably not as the trainer meant it. A scenario with warnings loads and plays; each
 * warning names a place where the lesson may come out wrong: a tag the engine does not know (so the
 * choice counts as nothing), a line that names an amount its terms do not sign, a beat with nothing to
 * decide. Needs a scenario that passed every error check. Pure: the CLI and the studio both call it.
 */
export interface ScenarioWarning {
  path: (string | number)[];
  message: string;
  /** Report at the key rather than the value. */
  atKey?: boolean;
}

export function scenarioWarnings(s: Scenario): ScenarioWarning[] {
  return [...tagWarnings(s), ...amountWarnings(s), ...fewChoiceWarnings(s)];
}

interface Located {
  beat: BeatDef;
  choice: ChoiceDef;
  path: (string | number)[];
}

function everyChoice(s: Scenario): Located[] {
  const out: Located[] = [];
  s.beats.forEach((beat, i) => beat.choices.forEach((choice, j) => out.push({ beat, choice, path: ['beats', i, 'choices', j] })));
  s.interjections.forEach((beat, i) => beat.choices.forEach((choice, j) => out.push({ beat, choice, path: ['interjections', i, 'choices', j] })));
  return out;
}

const KNOWN_TAGS: readonly string[] = CHOICE_TAGS;

/**
 * A tag outside the vocabulary that no other choice uses is most likely a typo (`batna-strong`); a
 * scenario's own tags are used on several choices. A tag that differs from a known one only in its
 * punctuation is a typo however often it is used.
 */
export function tagWarnings(s: Scenario): ScenarioWarning[] {
  const choices = everyChoice(s);
  const users = new Map<string, number>();
  for (const { choice } of choices) for (const tag of new Set(choice.tags)) users.set(tag, (users.get(tag) ?? 0) + 1);
  const out: ScenarioWarning[] = [];
  for (const { choice, path } of choices)
    choice.tags.forEach((tag, k) => {
      if (KNOWN_TAGS.includes(tag)) return;
      const nearest = nearestTag(tag);
      const sameLetters = KNOWN_TAGS.find((known) => letters(known) === letters(tag));
      if (users.get(tag)! > 1 && !sameLetters) return;
      const suggestion = sameLetters ?? nearest;
      out.push({
        path: [...path, 'tags', k],
        message: `tag "${tag}" is not in the vocabulary${suggestion ? `: did you mean "${suggestion}"?` : '.'} The engine reads only known tags, so this one does nothing${sameLetters ? '' : ' (a tag of your own is fine when other choices share it)'}`,
      });
    });
  return out;
}

function letters(tag: string): string {
  return tag.replace(/[^a-z]/g, '');
}

/** The known tag closest in edit distance, if it is close enough to be a likely typo. */
export function nearestTag(tag: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const known of KNOWN_TAGS) {
    const d = editDistance(tag, known);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(tag.length / 3)) ? best : undefined;
}

/** Levenshtein distance (insertions, deletions and substitutions each cost 1). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

/** An amount as written in a line or a label: a percentage, a sum of money, or a length of time. */
export interface Amount {
  kind: 'percent' | 'money' | 'months';
  value: number;
  /** As written, for the message. */
  text: string;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  eighteen: 18,
  twenty: 20,
  'twenty-four': 24,
  thirty: 30,
  'thirty-six': 36,
  a: 1,
  an: 1,
  single: 1,
};

const DURATION = new RegExp(`\\b(\\d+|${Object.keys(NUMBER_WORDS).join('|')})[\\s-]+(year|month)s?\\b`, 'g');

const RELATIVE = /\b(another|further|extra|more|additional)\s+(?:\$|€|£)?$/;

/** Every amount a text names: "5%", "15 percent", "$80K", "64K", "$1.2M", "three years", "18 months". */
export function amountsIn(text: string): Amount[] {
  const out: Amount[] = [];
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(/(\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)/g)) {
    // "another 10%" or "a further 5%" adds to a step the text does not name: it cannot be checked.
    if (RELATIVE.test(lower.slice(0, m.index))) continue;
    out.push({ kind: 'percent', value: Number(m[1]), text: m[0].trim() });
  }
  for (const m of lower.matchAll(/(?<![\w.])(\$|€|£)?\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(k|m|thousand|million)?\b(?!\s*(?:%|percent|per cent))/g)) {
    const [, currency, digits, scale] = m;
    if (!currency && !scale) continue; // a bare number is not clearly money
    if (RELATIVE.test(lower.slice(0, m.index).trimEnd() + ' ')) continue;
    const n = Number(digits!.replace(/,/g, ''));
    const factor = scale === 'k' || scale === 'thousand' ? 1e3 : scale === 'm' || scale === 'million' ? 1e6 : 1;
    out.push({ kind: 'money', value: n * factor, text: m[0].trim() });
  }
  for (const m of lower.matchAll(DURATION)) {
    const n = /^\d/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!]!;
    out.push({ kind: 'months', value: m[2] === 'year' ? n * 12 : n, text: m[0].trim() });
  }
  return out;
}

const sameAmount = (a: Amount, b: Amount) => a.kind === b.kind && Math.abs(a.value - b.value) < 1e-9;

/**
 * A line that names an amount its terms do not sign: "I can take 5% off" with `give: {price: d15}`
 * (15% off). An amount in the text is matched to the issue whose option labels name it; the choice's
 * own option for that issue must name it too. Gives and proposals fix a term at the option given, so
 * what the text says is what the rep signs only if the two agree.
 */
export function amountWarnings(s: Scenario): ScenarioWarning[] {
  const out: ScenarioWarning[] = [];
  const labelAmounts = new Map(s.issues.map((i) => [i.id, new Map(i.options.map((o) => [o.id, amountsIn(o.label)]))]));
  for (const { choice, path } of everyChoice(s)) {
    const sides = (['give', 'get', 'propose'] as const).filter((k) => choice[k] !== undefined);
    if (sides.length === 0) continue;
    const said = amountsIn(choice.text);
    const reported = new Set<string>();
    for (const amount of said) {
      // Issues whose options name this amount: the text is about one of them.
      const about = s.issues.filter((i) => [...labelAmounts.get(i.id)!.values()].some((as) => as.some((a) => sameAmount(a, amount))));
      if (about.length === 0) {
        // No option names it: an amount left over from options since renamed ("10% off" once the
        // options are 5% and 15%). Warned when the terms set an issue whose labels name amounts of
        // this kind, so the text is about that issue.
        const kin = sides
          .flatMap((side) => Object.keys(choice[side]!).map((issueId) => ({ side, issue: s.issues.find((i) => i.id === issueId) })))
          .find(({ issue }) => issue && [...labelAmounts.get(issue.id)!.values()].some((as) => as.some((a) => a.kind === amount.kind)));
        if (!kin?.issue || reported.has(kin.issue.id)) continue;
        reported.add(kin.issue.id);
        const option = kin.issue.options.find((o) => o.id === choice[kin.side]![kin.issue!.id]);
        out.push({
          path: [...path, kin.side, kin.issue.id],
          message: `the text says "${amount.text}" but no option of ${kin.issue.id} is ${amount.text}: ${kin.side} signs it at "${option?.id}" (${option?.label}), so make the text and the terms agree`,
        });
        continue;
      }
      const matched = about.some((i) =>
        sides.some((side) => {
          const terms = choice[side]!;
          const option = Object.hasOwn(terms, i.id) ? terms[i.id] : undefined;
          return (
            option !== undefined &&
            labelAmounts
              .get(i.id)!
              .get(option)!
              .some((a) => sameAmount(a, amount))
          );
        }),
      );
      if (matched) continue;
      const issue = about[0]!;
      const side = sides.find((k) => Object.hasOwn(choice[k]!, issue.id));
      if (reported.has(issue.id)) continue;
      reported.add(issue.id);
      if (side) {
        const option = issue.options.find((o) => o.id === choice[side]![issue.id])!;
        out.push({
          path: [...path, side, issue.id],
          message: `the text says "${amount.text}" but ${side} signs ${issue.id} at "${option.id}" (${option.label}): ${side === 'get' ? 'the rep asks for' : 'the deal is made at'} the option given, so make the text and the terms agree`,
        });
      } else {
        out.push({
          path: [...path, 'text'],
          message: `the text says "${amount.text}" (${issue.label}) but the choice's terms (${sides.join(', ')}) do not touch ${issue.id}: add it to the terms or take the amount out of the text`,
        });
      }
    }
  }
  return out;
}

/** A beat with one choice has nothing to decide: it teaches nothing and reads as a click-through. */
export function fewChoiceWarnings(s: Scenario): ScenarioWarning[] {
  const out: ScenarioWarning[] = [];
  const check = (beat: BeatDef, path: (string | number)[]) => {
    if (beat.choices.length < 2)
      out.push({
        path: [...path, 'choices'],
        message: `beat "${beat.id}" offers only one choice: the rep has nothing to decide here (add a second choice, or fold the line into the next beat)`,
        atKey: true,
      });
  };
  s.beats.forEach((b, i) => check(b, ['beats', i]));
  s.interjections.forEach((b, i) => check(b, ['interjections', i]));
  return out;
}
