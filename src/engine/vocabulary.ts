/** The shared vocabulary of DESIGN.md. Stable: tests, tools and scenario files rely on these strings. */

export const CHOICE_TAGS = [
  'batna:strong',
  'batna:weak',
  'claim:alternative',
  'threat',
  'pace:panic',
  'pace:pause',
  'ask:batna',
  'concede',
  'trade',
  'hold',
  'walk-to',
  'accept',
  'walk-away',
  'prep',
  'propose',
  'test:claim',
] as const;
export type ChoiceTag = (typeof CHOICE_TAGS)[number];

export const ANTI_PATTERN_IDS = [
  'bluffing',
  'threatening',
  'ignoring-batna',
  'revealing-desperation',
  'end-of-quarter-panic',
  'single-threaded',
  'concession-without-trade',
  'deal-below-walk-away',
  'signed-never-trade',
] as const;
export type AntiPatternId = (typeof ANTI_PATTERN_IDS)[number];

export const OUTCOMES = ['deal', 'walked-away', 'counterpart-walked'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** What each anti-pattern looks like and the principle it breaks, in the words the debrief uses. */
export const ANTI_PATTERNS: Record<AntiPatternId, { label: string; principle: string }> = {
  bluffing: {
    label: 'Bluffed an alternative',
    principle: 'Claim only an alternative you could really take. A bluff that gets tested and fails discounts everything you say afterwards.',
  },
  threatening: {
    label: 'Threatened to walk',
    principle: 'Let your preparation show that you can leave. An ultimatum hardens the other side and invites them to test it.',
  },
  'ignoring-batna': {
    label: 'Came to the table without an alternative',
    principle: 'Build and know your alternative before you sit down. Without one you are negotiating on hope.',
  },
  'revealing-desperation': {
    label: 'Showed you need the deal',
    principle: 'Want the deal, never need it. Signs of dependence tell the other side it can simply wait you out.',
  },
  'end-of-quarter-panic': {
    label: 'Let your deadline show',
    principle: 'Your deadline is your problem. Announcing it hands the other side the clock.',
  },
  'single-threaded': {
    label: 'Everything rode on one thread',
    principle: 'Keep more than one path alive (deals, stakeholders, an aligned team) so no single person can dictate terms.',
  },
  'concession-without-trade': {
    label: 'Gave without getting',
    principle: 'Tie every give to a get. A free concession teaches the other side that pushing pays, and they will push again.',
  },
  'deal-below-walk-away': {
    label: 'Signed below your walk-away',
    principle: 'When the best deal on offer is worse than your alternative, no deal is the better deal.',
  },
  'signed-never-trade': {
    label: 'Signed something on your never-trade list',
    principle:
      'Decide before the table what you will never give, and check the final terms against that list, whoever wrote them. A line you sign past once is a line the other side will expect you to cross again.',
  },
};
