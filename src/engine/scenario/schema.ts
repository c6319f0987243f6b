import { z } from 'zod';
import { ANTI_PATTERN_IDS } from '../vocabulary.ts';

/**
 * The scenario file format. One YAML file per scenario; this schema is the single source of truth for
 * it: the loader validates against it, `walkaway schema` prints it as JSON Schema, and the inferred
 * types are what the engine compiles. Descriptions double as editor tooltips, so they speak to trainers.
 */

export const SCENARIO_FORMAT = 1;

/**
 * Bounds on what a file may hold, so that any file that passes `check` loads, plays and is explored at
 * full speed. Each is well above what a rich scenario needs (8 issues of 6 options, 60 beats of 6
 * choices, lines of 2,000 characters); the loader words the errors for trainers.
 */
export const LIMITS = {
  idChars: 64,
  textChars: 2000,
  /** Names, labels, titles and the unit: shown in one line of the game. */
  labelChars: 200,
  /** Any value in the scenario's unit, and any walk-away or target. */
  value: 1_000_000,
  issues: 8,
  options: 10,
  /** Packages (one option per issue) across all issues: 8 issues of 6 options (checked by the loader). */
  packages: 6 ** 8,
  beats: 60,
  interjections: 20,
  choices: 6,
  personas: 12,
  facts: 40,
  discovery: 40,
  /** Briefing paragraphs, tags, flags, ids in a requires/unless/reveals/backedBy list, tactics. */
  list: 12,
  weight: 100,
} as const;

const Id = z
  .string()
  .max(LIMITS.idChars)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'an id of lowercase letters, digits and dashes (e.g. "build-pipeline")');
const Text = z.string().trim().min(1, 'text must not be empty').max(LIMITS.textChars);
const Label = z.string().trim().min(1, 'text must not be empty').max(LIMITS.labelChars);
const Unit = z.number().min(0).max(1);
/** A value in the scenario's unit (options, walk-away, target): finite and of a sane size. */
const Value = z.number().min(-LIMITS.value).max(LIMITS.value);
const Ids = z.array(Id).max(LIMITS.list);
/** A mapping with at most `n` entries (JSON Schema cannot say this of a record; the loader checks it). */
const atMost = (n: number, what: string) => [(r: object) => Object.keys(r).length <= n, `at most ${n} ${what}`] as const;

/** A line that may differ per persona: a plain string, or `{ default: ..., <persona id>: ... }`. */
const PersonaText = z.union([
  Text,
  z
    .record(z.string(), Text)
    .refine(...atMost(LIMITS.personas + 1, 'entries (default and one per persona)'))
    .describe('Per-persona text: { default: "...", <persona id>: "..." }'),
]);

/** Choice tags: the shared vocabulary, plus scenario-specific tags written as `word:word`. */
const Tag = z
  .string()
  .max(LIMITS.idChars)
  .regex(/^[a-z][a-z-]*(:[a-z][a-z-]*)?$/, 'a tag such as "batna:strong" or "trade"')
  .describe(
    'batna:strong, batna:weak, claim:alternative, threat, pace:panic, pace:pause, ask:batna, concede, trade, hold, walk-to, accept, walk-away, prep, or a tag of your own',
  );

const Terms = z
  .record(z.string(), z.string().max(LIMITS.idChars))
  .refine(...atMost(LIMITS.issues, 'issues'))
  .describe('Issue id to option id, e.g. { price: list, term: two-years }');

const OptionFlag = z.enum(['precedent', 'delivery-load', 'never-trade']);

const IssueOption = z
  .object({
    id: Id,
    label: Label,
    you: Value.describe("What this option is worth to the player, in the scenario's unit"),
    them: Value.describe('What this option is worth to the counterpart (their own points; only the order and gaps matter)'),
    flags: z
      .array(OptionFlag)
      .max(3)
      .optional()
      .describe('precedent: sets a precedent other customers will expect; delivery-load: a burden on your team; never-trade: on your never-trade list'),
  })
  .strict();

const Issue = z
  .object({
    id: Id,
    label: Label,
    options: z.array(IssueOption).min(2, 'an issue needs at least two options').max(LIMITS.options),
    money: z
      .boolean()
      .optional()
      .describe("The options' values are amounts of money in the scenario's unit (a price, a contract value); other issues are shown as points"),
  })
  .strict();

const Fact = z.object({ id: Id, text: Text }).strict();

const DiscoveryItem = z
  .object({
    id: Id,
    label: Label.describe('What the player learns, as it appears in the debrief'),
    reads: z.enum(['weak', 'strong']).describe("What this says about the counterpart's own alternative"),
  })
  .strict();

const PrepEffect = z
  .object({
    batna: z.number().min(-1).max(1).optional().describe("Change to the player's real alternative (0..1 scale)"),
    facts: Ids.optional().describe('Facts the player now holds (they back claims and unlock choices)'),
    walkAway: Value.optional().describe("Change to the player's walk-away value"),
    reveals: Ids.optional().describe('Discovery items learned by research before the table'),
    threads: z.boolean().optional().describe('This action puts more than one deal or stakeholder in play'),
  })
  .strict();

const Choice = z
  .object({
    id: Id,
    text: Text.describe('What the player says or does'),
    tags: z.array(Tag).min(1, 'every choice needs at least one tag').max(LIMITS.list),
    effect: PrepEffect.optional().describe('Preparation effects (prep beats)'),
    backedBy: Ids.optional().describe('Facts that make this claim true; without any of them it is a bluff'),
    give: Terms.optional().describe('What the player gives: the issue is agreed at this option'),
    get: Terms.optional().describe('What the player asks for in return: the issue can be no worse for the player than this option'),
    propose: Terms.optional().describe('A structured alternative (walk-to) put on the table'),
    reveals: Ids.optional().describe('Discovery items this question uncovers'),
    requires: Ids.optional().describe('Shown only when the player holds all these facts or discoveries'),
    unless: Ids.optional().describe('Hidden when the player holds any of these facts or discoveries'),
    next: Id.optional().describe('Beat that follows; default: the next beat in the list (interjections: back where they left off)'),
    reply: PersonaText.optional().describe("The counterpart's immediate answer to this choice"),
    explain: Text.optional().describe('Why this move helps or hurts: shown in preparation and in the debrief'),
    antiPatterns: z
      .array(z.enum(ANTI_PATTERN_IDS))
      .max(LIMITS.list)
      .optional()
      .describe('Anti-patterns this choice commits beyond what its tags already imply'),
  })
  .strict();

const Phase = z.enum(['prep', 'opening', 'discovery', 'bargaining', 'closing']);

const Beat = z
  .object({
    id: Id,
    phase: Phase,
    speaker: Label.optional().describe('Who speaks; default: the counterpart (prep beats: your coach)'),
    line: PersonaText,
    hint: PersonaText.optional().describe('Coach hint shown with this decision'),
    choices: z.array(Choice).min(1, 'a beat needs at least one choice').max(LIMITS.choices),
  })
  .strict();

const Tactic = z
  .object({
    kind: z.enum(['anchor-low', 'deadline', 'alternatives', 'escalate', 'switching-cost', 'integration-fear', 'budget']),
    turn: z.number().int().min(1).max(30).describe('Negotiation turn at which the counterpart plays it'),
    beat: Id.describe('Interjection beat the tactic opens'),
    claim: Id.optional().describe("A claim of the persona's (by id) that the counterpart makes when it plays the tactic"),
  })
  .strict();

const REACTION_KEYS = [
  'conceded',
  'traded',
  'tradeRefused',
  'threatened',
  'bluffCalled',
  'claimProven',
  'signalStrong',
  'signalWeak',
  'paused',
  'held',
  'proposalAccepted',
  'proposalRejected',
  'lastPush',
  'counterpartWalks',
  'answered',
  'claimWithdrawn',
  'claimStands',
] as const;
export type ReactionKey = (typeof REACTION_KEYS)[number];

const Reactions = z.partialRecord(z.enum(REACTION_KEYS), PersonaText);

const Persona = z
  .object({
    id: Id,
    name: Label,
    title: Label.describe('Job title or role, e.g. "VP Operations"'),
    archetype: Text.describe('One-line character, e.g. "Urgent buyer whose last tool failed"'),
    difficulty: z.number().int().min(1).max(5),
    blurb: Text.describe('What is known of them before the meeting'),
    batna: Unit.describe("Strength of the counterpart's own alternative (0 none .. 1 excellent): the floor it will not go below"),
    concession: z
      .object({
        exponent: z.number().min(0.05).max(20).describe('e in f(t)=k+(1-k)t^(1/e): below 1 holds out (Boulware), above 1 concedes early (Conceder)'),
        start: Unit.default(0).describe('k: share of the range conceded at once'),
      })
      .strict(),
    skepticism: Unit.describe('Chance that they test a claimed alternative'),
    patience: z.number().int().min(2).max(30).describe('Negotiation turns before they make a final offer'),
    sensitivity: Unit.describe('How much signals of strength or weakness move their belief'),
    belief: Unit.default(0.4).describe("What they believe of the player's alternative at the start"),
    credibility: Unit.default(0.6).describe('How far they trust what the player claims, at the start'),
    trust: Unit.default(0.7).describe('Goodwill at the start; at 0 they leave'),
    memory: z
      .object({
        learnedPressure: z.number().int().min(0).max(5).default(0).describe('Times they learned last time that pushing pays'),
        note: Text.optional().describe('What happened last time, shown in the briefing'),
      })
      .strict()
      .optional(),
    signals: z.array(Id).max(LIMITS.discovery).describe('Discovery items that are true of this persona'),
    answers: z
      .record(z.string(), Text)
      .refine(...atMost(LIMITS.discovery, 'answers'))
      .optional()
      .describe('Their words when a discovery item is asked about, by item id'),
    tactics: z.array(Tactic).max(LIMITS.list).default([]),
    claims: z
      .array(
        z
          .object({
            id: Id,
            text: Text.describe('What they say, e.g. "Leaving would cost you four million."'),
            true: z.boolean().describe('Whether the claim is true; a false one is a bluff the player can test'),
          })
          .strict(),
      )
      .max(LIMITS.list)
      .default([])
      .describe('Claims this persona may make (through its tactics); a choice tagged test:claim tests the last one'),
    lines: z
      .record(z.string(), Text)
      .refine(...atMost(LIMITS.beats + LIMITS.interjections, 'lines'))
      .optional()
      .describe('Persona-specific line for a beat, by beat id'),
    reactions: Reactions.optional(),
  })
  .strict();

export const ScenarioSchema = z
  .object({
    format: z.literal(SCENARIO_FORMAT).describe('Scenario format version'),
    id: Id,
    title: Label,
    role: Label.describe("The player's role, e.g. Account executive"),
    counterpartRole: Label.describe('Who sits across the table'),
    summary: Text,
    source: Text.optional().describe('Which source document the lessons come from'),
    tutorial: z.boolean().default(false),
    passMark: z
      .number()
      .int()
      .min(0)
      .max(100)
      .optional()
      .describe('Score out of 100 an assessment game must reach to pass (a learning path step may set its own)'),
    briefing: z
      .object({
        situation: z.array(Text).min(1).max(LIMITS.list),
        facts: z.array(Text).min(1).max(LIMITS.list).describe("The player's own facts"),
        known: z.array(Text).max(LIMITS.list).default([]).describe('What is known of the counterpart'),
      })
      .strict(),
    unit: Label.describe('Unit of value, e.g. "$K"'),
    walkAway: Value.describe("The player's walk-away value before preparation"),
    target: Value.describe("The player's target value"),
    proposal: Terms.describe("The player's proposal on the table before the counterpart answers"),
    issues: z.array(Issue).min(1).max(LIMITS.issues),
    batna: z
      .object({
        strength: Unit.describe("The player's real alternative before preparation (0 none .. 1 excellent)"),
        facts: z.array(Id).max(LIMITS.facts).default([]).describe('Facts the player holds from the start'),
      })
      .strict(),
    facts: z.array(Fact).max(LIMITS.facts).default([]).describe('Every fact preparation or the start can give the player'),
    discovery: z.array(DiscoveryItem).max(LIMITS.discovery).default([]),
    reactions: Reactions.describe('Generic counterpart reactions; personas may override'),
    beats: z.array(Beat).min(1).max(LIMITS.beats).describe('The script in order: prep beats first, then the negotiation'),
    interjections: z.array(Beat).max(LIMITS.interjections).default([]).describe('Beats the counterpart opens itself: tactics, testing a claim'),
    flow: z
      .object({
        bluffTest: Id.optional().describe('Interjection used when the counterpart tests a claimed alternative'),
        finalOffer: Id.describe('Beat where the counterpart makes its final offer'),
      })
      .strict(),
    scoring: z
      .object({
        weights: z
          .object({
            value: z.number().min(0).max(LIMITS.weight),
            concessions: z.number().min(0).max(LIMITS.weight),
            signalling: z.number().min(0).max(LIMITS.weight),
            discovery: z.number().min(0).max(LIMITS.weight),
            relationship: z.number().min(0).max(LIMITS.weight),
            preparation: z.number().min(0).max(LIMITS.weight),
          })
          .partial()
          .optional(),
      })
      .strict()
      .optional(),
    personas: z.array(Persona).min(1).max(LIMITS.personas),
  })
  .strict();

export type Scenario = z.infer<typeof ScenarioSchema>;
export type Persona = Scenario['personas'][number];
export type BeatDef = Scenario['beats'][number];
export type ChoiceDef = BeatDef['choices'][number];
export type IssueDef = Scenario['issues'][number];
export type PersonaTextDef = z.infer<typeof PersonaText>;
export type PhaseName = z.infer<typeof Phase>;
