import { compileScenario, ScenarioSchema, type CompiledScenario } from '../../../src/engine/index.ts';
import { nextRandom, seedState } from '../../../src/engine/rng.ts';

/**
 * Scenarios the tests make up: random issues (2 to 6: a price in ten steps, the others of 2 to 5
 * options), random values for each side (each issue weighted independently, so trades across issues can create value), and personas with
 * random dials anywhere in the schema's range. Nothing in them is written for a lesson: the same
 * neutral lines and the same script shape for every one. The trade on offer is the one a trade list
 * would name (see `tradeListTrade`); a scenario whose values leave no such trade offers none.
 */
export function generatedScenario(seed: number, shape: { issues?: [number, number]; options?: [number, number] } = {}): CompiledScenario {
  let state = seedState(seed);
  const draw = () => {
    const r = nextRandom(state);
    state = r.state;
    return r.value;
  };
  const between = (lo: number, hi: number) => lo + draw() * (hi - lo);
  const int = (lo: number, hi: number) => Math.floor(between(lo, hi + 1));
  const round2 = (x: number) => Math.round(x * 100) / 100;

  const [iLo, iHi] = shape.issues ?? [2, 6];
  const [oLo, oHi] = shape.options ?? [2, 5];
  const issues = Array.from({ length: int(iLo, iHi) }, (_, i) => {
    // The first issue is the price: money, in ten steps, as prices are negotiated in fine steps.
    const n = i === 0 ? 10 : int(oLo, oHi);
    const you = int(5, 60);
    const them = int(2, 30);
    return {
      id: `issue-${i}`,
      label: i === 0 ? 'Price' : `Issue ${i + 1}`,
      ...(i === 0 ? { money: true } : {}),
      options: Array.from({ length: n }, (_, j) => ({
        id: `o${j}`,
        label: `Option ${j + 1}`,
        // Option 0 is the rep's best and the counterpart's worst: the sides pull opposite ways on every issue.
        you: Math.round((you * (n - 1 - j)) / (n - 1)),
        them: Math.round((them * j) / (n - 1)),
      })),
    };
  });
  const trade = tradeListTrade(issues);
  // A give with nothing asked back: the trade's give if there is one, else the middle of the first issue.
  const concession: [string, string] = trade?.give ?? [issues[0]!.id, issues[0]!.options[Math.floor(issues[0]!.options.length / 2)]!.id];
  const max = issues.reduce((a, i) => a + i.options[0]!.you, 0);
  const signals = ['their-deadline', 'their-sunk-cost', 'their-weak-option', 'their-sponsor'];

  const raw = {
    format: 1,
    id: `generated-${seed}`,
    title: 'Generated',
    role: 'Rep',
    counterpartRole: 'Counterpart',
    summary: 'A scenario made up by the tests.',
    briefing: { situation: ['A generated deal.'], facts: ['A generated fact.'] },
    unit: 'pts',
    walkAway: Math.round(max * 0.35),
    target: Math.round(max * 0.75),
    proposal: Object.fromEntries(issues.map((i) => [i.id, 'o0'])),
    issues,
    batna: { strength: round2(between(0, 0.4)) },
    facts: [{ id: 'alternative', text: 'A real alternative.' }],
    discovery: signals.map((id) => ({ id, label: id, reads: 'weak' })),
    reactions: {},
    beats: [
      {
        id: 'prep',
        phase: 'prep',
        line: 'Prepare.',
        choices: [
          { id: 'build-alternative', text: 'Build an alternative.', tags: ['prep'], effect: { batna: 0.3, facts: ['alternative'] } },
          { id: 'skip-prep', text: 'Skip.', tags: ['prep'] },
        ],
      },
      {
        id: 'opening',
        phase: 'opening',
        line: 'Here is our position.',
        choices: [
          { id: 'ask', text: 'What happens on your side without a deal?', tags: ['ask:batna'], reveals: signals },
          { id: 'hold-open', text: 'We are comfortable where we are.', tags: ['hold'] },
          { id: 'plead', text: 'We really need this.', tags: ['batna:weak'] },
        ],
      },
      {
        id: 'position',
        phase: 'bargaining',
        line: 'Why should we move?',
        choices: [
          { id: 'show-alternative', text: 'We have a real alternative.', tags: ['batna:strong'], backedBy: ['alternative'] },
          { id: 'bluff', text: 'Someone else offered us more.', tags: ['claim:alternative'], backedBy: ['no-such-fact'] },
          { id: 'threaten', text: 'Move or we leave.', tags: ['threat'] },
        ],
      },
      {
        id: 'trading',
        phase: 'bargaining',
        line: 'What can you do for us?',
        choices: [
          ...(trade
            ? [{ id: 'trade', text: 'That for this.', tags: ['trade'], give: { [trade.give[0]]: trade.give[1] }, get: { [trade.get[0]]: trade.get[1] } }]
            : []),
          { id: 'hold-trade', text: 'We hold our position.', tags: ['hold'] },
          { id: 'concede', text: 'Have this.', tags: ['concede'], give: { [concession[0]]: concession[1] } },
        ],
      },
      {
        id: 'pacing',
        phase: 'bargaining',
        line: 'Well?',
        choices: [
          { id: 'hold-late', text: 'Our position stands.', tags: ['hold'] },
          { id: 'pause', text: 'Let us think.', tags: ['pace:pause'] },
          { id: 'panic', text: 'We must close this week.', tags: ['pace:panic'] },
        ],
      },
      {
        id: 'final',
        phase: 'closing',
        line: 'Final offer.',
        choices: [
          { id: 'accept', text: 'Agreed.', tags: ['accept'] },
          { id: 'walk', text: 'No deal.', tags: ['walk-away'] },
          { id: 'push', text: 'One more step and we sign.', tags: ['hold', 'batna:strong'] },
        ],
      },
    ],
    interjections: [
      {
        id: 'test',
        phase: 'bargaining',
        line: 'Prove it.',
        choices: [
          { id: 'stand', text: 'It is real.', tags: ['hold', 'batna:strong'] },
          { id: 'back-down', text: 'Maybe not.', tags: ['batna:weak'] },
          { id: 'test-walk', text: 'Then we leave.', tags: ['walk-away'] },
        ],
      },
    ],
    flow: { bluffTest: 'test', finalOffer: 'final' },
    personas: [0, 1, 2].map((k) => ({
      id: `persona-${k}`,
      name: `Persona ${k}`,
      title: 'Buyer',
      archetype: 'Generated',
      difficulty: k + 1,
      blurb: 'Generated.',
      batna: round2(between(0, 0.6)),
      concession: { exponent: round2(between(0.3, 2.5)), start: round2(between(0, 0.1)) },
      skepticism: round2(draw()),
      patience: int(5, 10),
      sensitivity: round2(between(0.2, 1)),
      belief: round2(between(0.1, 0.6)),
      credibility: round2(between(0.3, 0.9)),
      trust: 0.7,
      signals: signals
        .filter(() => draw() < 0.6)
        .concat(signals[k]!)
        .filter((v, i, a) => a.indexOf(v) === i),
      tactics: [],
    })),
  };
  return compileScenario(ScenarioSchema.parse(raw));
}

interface GeneratedIssue {
  id: string;
  options: { id: string; you: number; them: number; flags?: string[] }[];
}

/**
 * The trade a rep's trade list would name, from both sides' values: ask for the option best for the rep
 * on one issue, and give on another issue the least that makes it worth the counterpart's while: an
 * option worth more to the counterpart (over its worst) than the option asked for costs it, and costing
 * the rep (from its best) less than the option asked for earns it (over its worst); each side's points
 * are shares of its own total. Of the issue pairs that allow such a trade, the one that leaves the rep
 * the most. None when the values leave no trade both sides gain from.
 */
export function tradeListTrade(issues: GeneratedIssue[]): { give: [string, string]; get: [string, string] } | undefined {
  const range = (i: GeneratedIssue, side: 'you' | 'them') => {
    const v = i.options.map((o) => o[side]);
    return [Math.min(...v), Math.max(...v)] as const;
  };
  const totalYou = issues.reduce((a, i) => a + range(i, 'you')[1] - range(i, 'you')[0], 0) || 1;
  const totalThem = issues.reduce((a, i) => a + range(i, 'them')[1] - range(i, 'them')[0], 0) || 1;
  let best: { give: [string, string]; get: [string, string] } | undefined;
  let bestNet = 0;
  for (const ge of issues) {
    const ask = ge.options.reduce((a, o) => (o.you > a.you ? o : a));
    const youGain = (ask.you - range(ge, 'you')[0]) / totalYou;
    const themCost = (range(ge, 'them')[1] - ask.them) / totalThem;
    for (const gi of issues) {
      if (gi === ge) continue;
      // The least the rep can give on this issue that still pays the counterpart for what is asked.
      // (Never an option on the rep's never-trade list: a trade list keeps those off the table.)
      const enough = gi.options
        .filter((g) => !g.flags?.includes('never-trade') && (g.them - range(gi, 'them')[0]) / totalThem > themCost + 1e-9)
        .sort((a, b) => b.you - a.you)[0];
      if (!enough) continue;
      const net = youGain - (range(gi, 'you')[1] - enough.you) / totalYou;
      if (net > bestNet + 1e-9) {
        bestNet = net;
        best = { give: [gi.id, enough.id], get: [ge.id, ask.id] };
      }
    }
  }
  return best;
}
