import type { CompiledScenario } from '../persona/compile.ts';
import { OUTCOME_OF_STATE, type PhaseState } from '../persona/machine.ts';
import type { NegotiationModel } from '../persona/context.ts';
import { PersonaStepper, type StepState } from '../persona/stepper.ts';
import { availableChoices } from '../persona/rules.ts';
import type { ChoiceDef } from '../scenario/schema.ts';
import { scoreNegotiation } from '../scoring/score.ts';
import { tallyKey } from '../scoring/checks.ts';
import { ANTI_PATTERN_IDS, type AntiPatternId, type Outcome } from '../vocabulary.ts';

/** What exploring every path of one persona found. */
export interface PersonaAnalysis {
  personaId: string;
  seed: number;
  /** Complete playthroughs (distinct choice sequences). */
  paths: number;
  /** Distinct unfinished negotiation states visited (paths merge where the model is the same). */
  states: number;
  scores: { min: number; median: number; max: number };
  /** Paths by total score, as [score, paths] sorted by score. */
  histogram: [number, number][];
  best: { score: number; choices: string[] };
  worst: { score: number; choices: string[] };
  outcomes: Record<Outcome, number>;
  antiPatternsReachable: AntiPatternId[];
  /** Fewest and most decisions in a playthrough. */
  decisions: { min: number; max: number };
  /** Fewest and most choices offered at one decision. */
  choicesPerDecision: { min: number; max: number };
  /** Fewest and most choices offered at each beat reached, by beat id. */
  choicesByBeat: Record<string, { min: number; max: number }>;
  /** The deals a rep can sign: the best and the worst for the rep by value, and how many paths sign at or above the walk-away. */
  deals: { best: DealEnd | null; worst: DealEnd | null; paths: number; soundPaths: number };
  /** Walking away: paths that end so, how many of them were the right call (no offer reached the walk-away after the final offer), and the best and worst score a walk earns. */
  walking: { paths: number; rightCalls: number; bestScore: number | null; worstScore: number | null };
  /** Best and worst score of a signed deal. */
  signing: { bestScore: number | null; worstScore: number | null };
  /** Beats where some state offers no choice at all, with how many distinct states hit it. */
  deadEnds: { beat: string; turn: number; states: number }[];
  reachedBeats: Set<string>;
  reachedChoices: Set<string>;
}

/** A signed deal at the end of a path: what it is worth to the rep, its terms and the path to it. */
export interface DealEnd {
  value: number;
  /** The rep's walk-away when the deal was signed (preparation may have raised it). */
  walkAway: number;
  terms: Record<string, string>;
  score: number;
  choices: string[];
}

/** How far an exploration may go before it stops with a plain message instead of running out of memory. */
export interface ExplorationLimits {
  /** Distinct unfinished positions of one persona (the shipped scenarios reach at most about 60,000 in one share of an exploration). */
  states: number;
  /** Decisions in one playthrough. */
  depth: number;
}
export const EXPLORATION_LIMITS: ExplorationLimits = { states: 1_000_000, depth: 10_000 };

/** An exploration that cannot finish (a loop without progress, or too many positions), said plainly. */
export class ExplorationLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExplorationLimitError';
  }
}

/** A best or worst path, linked through the summaries of the states it passes (no copying per edge). */
interface PathLink {
  score: number;
  choice: string | null;
  rest: PathLink | null;
}

/** The deal at the end of a best or worst path by value, linked like PathLink. */
interface DealLink {
  value: number;
  choice: string | null;
  rest: DealLink | null;
  leaf: Omit<DealEnd, 'choices'>;
}

interface Summary {
  paths: number;
  bestDeal: DealLink | null;
  worstDeal: DealLink | null;
  dealPaths: number;
  soundDeals: number;
  walks: number;
  rightWalks: number;
  bestWalk: number | null;
  worstWalk: number | null;
  bestSign: number | null;
  worstSign: number | null;
  /** Paths by total score: score -> number of paths (sparse; most states reach few distinct scores). */
  histogram: Map<number, number>;
  best: PathLink;
  worst: PathLink;
  anti: number;
  outcomes: Record<Outcome, number>;
  minDepth: number;
  maxDepth: number;
}

/**
 * Explores every path of a persona through the persona machine's own transition table, with
 * a fixed seed. States with equal models are explored once and their results reused, counting paths
 * through them; that keeps scenarios with millions of paths to seconds.
 */
export function explorePersona(
  c: CompiledScenario,
  personaId: string,
  seed: number,
  onProgress?: (statesVisited: number) => void,
  under: string[] = [],
  limits: ExplorationLimits = EXPLORATION_LIMITS,
): PersonaAnalysis {
  const stepper = new PersonaStepper(c, { record: false });
  // `under`: explore only the paths that begin with these choices (one share of a split exploration).
  let start = stepper.start({ personaId, seed });
  for (const id of under) {
    const next = stepper.choose(start, id);
    if (!next) throw new Error(`cannot explore under "${under.join(',')}": "${id}" is not available`);
    start = next;
  }
  const memo = new Map<string, Summary>();
  const reachedBeats = new Set<string>();
  const reachedChoices = new Set<string>();
  const deadEnds: PersonaAnalysis['deadEnds'] = [];
  const perDecision = { min: Infinity, max: 0 };
  const choicesByBeat: Record<string, { min: number; max: number }> = {};
  let visited = 0;

  /** A state being explored: its choices are taken one at a time, each child's summary folded in. */
  interface Frame {
    snap: StepState;
    key: string;
    choices: ChoiceDef[];
    next: number;
    summary: Summary;
  }
  // Keys of the states on the current path: meeting one again means the game can go round for ever.
  const onPath = new Set<string>();

  /** A finished or already explored state's summary, or a frame to explore it. */
  const enter = (snap: StepState): Summary | Frame => {
    const m = snap.context.model;
    const outcome = OUTCOME_OF_STATE[snap.value as PhaseState];
    // A finished negotiation is scored on the spot: cheaper than building its key to look it up.
    const key = snap.done ? null : snap.value + stateKey(m);
    const known = key === null ? undefined : memo.get(key);
    if (known) return known;
    if (key !== null && onPath.has(key))
      throw new ExplorationLimitError(
        `persona "${personaId}": the game can come back to the same position at beat "${m.beat}" for ever (a loop without progress); run \`walkaway check\` on the file`,
      );
    if (++visited % 2000 === 0) onProgress?.(visited);

    if (snap.done && outcome) {
      const score = scoreNegotiation(c, m, outcome).total;
      const histogram = new Map([[score, 1]]);
      const deal = outcome === 'deal';
      const value = deal ? c.space.valueOf(m.terms) : 0;
      const dealLink: DealLink | null = deal ? { value, choice: null, rest: null, leaf: { value, walkAway: m.walkAway, terms: { ...m.terms }, score } } : null;
      const walked = outcome === 'walked-away';
      const right = walked && m.bestOffer < m.walkAway && m.beat === c.scenario.flow.finalOffer;
      let anti = 0;
      for (const id of m.antiPatterns) anti |= 1 << ANTI_PATTERN_IDS.indexOf(id);
      const summary: Summary = {
        paths: 1,
        bestDeal: dealLink,
        worstDeal: dealLink,
        dealPaths: deal ? 1 : 0,
        soundDeals: deal && value >= m.walkAway ? 1 : 0,
        walks: walked ? 1 : 0,
        rightWalks: right ? 1 : 0,
        bestWalk: walked ? score : null,
        worstWalk: walked ? score : null,
        bestSign: deal ? score : null,
        worstSign: deal ? score : null,
        histogram,
        best: { score, choice: null, rest: null },
        worst: { score, choice: null, rest: null },
        anti,
        outcomes: { deal: 0, 'walked-away': 0, 'counterpart-walked': 0, [outcome]: 1 },
        minDepth: 0,
        maxDepth: 0,
      };
      if (key !== null) memo.set(key, summary);
      return summary;
    }
    reachedBeats.add(m.beat);
    const choices = availableChoices(c, m);
    perDecision.min = Math.min(perDecision.min, choices.length);
    perDecision.max = Math.max(perDecision.max, choices.length);
    const atBeat = choicesByBeat[m.beat];
    if (atBeat) {
      atBeat.min = Math.min(atBeat.min, choices.length);
      atBeat.max = Math.max(atBeat.max, choices.length);
    } else choicesByBeat[m.beat] = { min: choices.length, max: choices.length };
    if (choices.length === 0) {
      const known = deadEnds.find((d) => d.beat === m.beat);
      if (known) known.states++;
      else deadEnds.push({ beat: m.beat, turn: m.turn, states: 1 });
    }
    const summary: Summary = {
      paths: 0,
      bestDeal: null,
      worstDeal: null,
      dealPaths: 0,
      soundDeals: 0,
      walks: 0,
      rightWalks: 0,
      bestWalk: null,
      worstWalk: null,
      bestSign: null,
      worstSign: null,
      histogram: new Map(),
      best: { score: -1, choice: null, rest: null },
      worst: { score: 101, choice: null, rest: null },
      anti: 0,
      outcomes: { deal: 0, 'walked-away': 0, 'counterpart-walked': 0 },
      minDepth: Infinity,
      maxDepth: 0,
    };
    return { snap, key: key!, choices, next: 0, summary };
  };

  const fold = (summary: Summary, choice: string, sub: Summary) => {
    summary.paths += sub.paths;
    if (sub.bestDeal && (!summary.bestDeal || sub.bestDeal.value > summary.bestDeal.value))
      summary.bestDeal = { value: sub.bestDeal.value, choice, rest: sub.bestDeal, leaf: sub.bestDeal.leaf };
    if (sub.worstDeal && (!summary.worstDeal || sub.worstDeal.value < summary.worstDeal.value))
      summary.worstDeal = { value: sub.worstDeal.value, choice, rest: sub.worstDeal, leaf: sub.worstDeal.leaf };
    summary.dealPaths += sub.dealPaths;
    summary.soundDeals += sub.soundDeals;
    summary.walks += sub.walks;
    summary.rightWalks += sub.rightWalks;
    summary.bestWalk = maxOf(summary.bestWalk, sub.bestWalk);
    summary.worstWalk = minOf(summary.worstWalk, sub.worstWalk);
    summary.bestSign = maxOf(summary.bestSign, sub.bestSign);
    summary.worstSign = minOf(summary.worstSign, sub.worstSign);
    for (const [score, n] of sub.histogram) summary.histogram.set(score, (summary.histogram.get(score) ?? 0) + n);
    if (sub.best.score > summary.best.score) summary.best = { score: sub.best.score, choice, rest: sub.best };
    if (sub.worst.score < summary.worst.score) summary.worst = { score: sub.worst.score, choice, rest: sub.worst };
    summary.anti |= sub.anti;
    for (const o of Object.keys(summary.outcomes) as Outcome[]) summary.outcomes[o] += sub.outcomes[o];
    summary.minDepth = Math.min(summary.minDepth, sub.minDepth + 1);
    summary.maxDepth = Math.max(summary.maxDepth, sub.maxDepth + 1);
  };

  /**
   * Depth-first over every path with an explicit stack (no recursion: a long or looping script cannot
   * overflow the call stack), folding each state's summary into its parent's when all its choices are done.
   */
  const explore = (from: StepState): Summary => {
    const first = enter(from);
    if (!('snap' in first)) return first;
    const stack: Frame[] = [first];
    onPath.add(first.key);
    for (;;) {
      const top = stack[stack.length - 1]!;
      if (top.next < top.choices.length) {
        const choice = top.choices[top.next]!;
        reachedChoices.add(choice.id);
        const child = enter(stepper.choose(top.snap, choice.id)!);
        if ('snap' in child) {
          if (stack.length >= limits.depth)
            throw new ExplorationLimitError(
              `persona "${personaId}": a playthrough runs past ${limits.depth.toLocaleString('en')} decisions (a loop without progress?); run \`walkaway check\` on the file`,
            );
          stack.push(child);
          onPath.add(child.key);
          continue;
        }
        fold(top.summary, choice.id, child);
        top.next++;
        continue;
      }
      stack.pop();
      onPath.delete(top.key);
      memo.set(top.key, top.summary);
      if (memo.size > limits.states)
        throw new ExplorationLimitError(
          `persona "${personaId}": more than ${limits.states.toLocaleString('en')} distinct positions, too many to explore every path; try a smaller scenario or fewer choices per beat`,
        );
      const parent = stack[stack.length - 1];
      if (!parent) return top.summary;
      fold(parent.summary, parent.choices[parent.next]!.id, top.summary);
      parent.next++;
    }
  };

  const root = explore(start);
  const histogram = [...root.histogram].sort((a, b) => a[0] - b[0]);
  return {
    personaId,
    seed,
    paths: root.paths,
    states: memo.size,
    scores: scoresOf(histogram),
    histogram,
    best: { score: root.best.score, choices: [...under, ...unlink(root.best)] },
    worst: { score: root.worst.score, choices: [...under, ...unlink(root.worst)] },
    outcomes: root.outcomes,
    antiPatternsReachable: ANTI_PATTERN_IDS.filter((_, i) => root.anti & (1 << i)),
    decisions: { min: root.minDepth + under.length, max: root.maxDepth + under.length },
    choicesPerDecision: { min: perDecision.min === Infinity ? 0 : perDecision.min, max: perDecision.max },
    choicesByBeat,
    deals: { best: dealEnd(root.bestDeal, under), worst: dealEnd(root.worstDeal, under), paths: root.dealPaths, soundPaths: root.soundDeals },
    walking: { paths: root.walks, rightCalls: root.rightWalks, bestScore: root.bestWalk, worstScore: root.worstWalk },
    signing: { bestScore: root.bestSign, worstScore: root.worstSign },
    deadEnds,
    reachedBeats,
    reachedChoices,
  };
}

/**
 * What makes two states the same for the rest of the game and for the score: the model without the
 * turn count and the words of the last reaction (display only), with the tallies and the best offer
 * reduced to what the score's checks read (whether a count is zero, whether an offer reached the
 * walk-away). The tally's part comes from the checks themselves (`tallyKey`); a test compares it with playing every path.
 */
function stateKey(m: NegotiationModel): string {
  const tally = tallyKey(m.tally);
  const t = m.tally;
  // What the rules themselves read of the tally: the record a last push is judged on, and whether a
  // claim of the rep's has been caught or has held (which decides whether the next one is tested).
  const rules = [t.strongSignals + t.backedClaims + t.trades - t.weakSignals - t.panics, t.bluffsCalled > 0, t.claimsProven > 0];
  return JSON.stringify([
    m.beat,
    m.nextBeat,
    m.resume,
    m.clock,
    m.realBatna,
    m.walkAway,
    m.facts,
    m.discovered,
    m.threads,
    m.prepActions,
    m.prepBatnaGain,
    m.belief,
    m.credibility,
    m.trust,
    m.learnedPressure,
    m.hardened,
    m.tacticsUsed,
    m.pendingClaim,
    m.claimTested,
    m.closingRounds,
    m.lastClaim,
    m.claimsMade,
    m.claimsTested,
    m.bluffsCaught,
    m.bounds,
    m.estimate,
    m.terms,
    m.bestOffer >= m.walkAway,
    tally,
    rules,
    m.antiPatterns,
    m.outcome,
  ]);
}

function maxOf(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

function minOf(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

function dealEnd(link: DealLink | null, under: string[]): DealEnd | null {
  if (!link) return null;
  const choices: string[] = [...under];
  for (let l: DealLink | null = link; l && l.choice !== null; l = l.rest) choices.push(l.choice);
  return { ...link.leaf, choices };
}

function unlink(link: PathLink): string[] {
  const out: string[] = [];
  for (let l: PathLink | null = link; l && l.choice !== null; l = l.rest) out.push(l.choice);
  return out;
}

function scoresOf(histogram: [number, number][]): PersonaAnalysis['scores'] {
  return { min: percentile(histogram, 0), median: percentile(histogram, 0.5), max: percentile(histogram, 1) };
}

/** The choices open at the start of a persona's negotiation: where an exploration can be split. */
export function firstChoices(c: CompiledScenario, personaId: string, seed: number): string[] {
  const stepper = new PersonaStepper(c, { record: false });
  return availableChoices(c, stepper.start({ personaId, seed }).context.model).map((ch) => ch.id);
}

/**
 * Joins the explorations of a persona's subtrees (one per first choice, in `firstChoices` order) into
 * the exploration of the whole persona, exactly as one run would report it.
 */
export function joinSubtrees(c: CompiledScenario, personaId: string, seed: number, parts: PersonaAnalysis[]): PersonaAnalysis {
  const startBeat = new PersonaStepper(c, { record: false }).start({ personaId, seed }).context.model.beat;
  const counts = new Map<number, number>();
  for (const p of parts) for (const [score, n] of p.histogram) counts.set(score, (counts.get(score) ?? 0) + n);
  const histogram = [...counts].sort((a, b) => a[0] - b[0]);
  const best = parts.reduce((a, p) => (p.best.score > a.best.score ? p : a)).best;
  const worst = parts.reduce((a, p) => (p.worst.score < a.worst.score ? p : a)).worst;
  const deadEnds: PersonaAnalysis['deadEnds'] = [];
  for (const d of parts.flatMap((p) => p.deadEnds)) {
    const known = deadEnds.find((k) => k.beat === d.beat);
    if (known) {
      known.states += d.states;
      known.turn = Math.min(known.turn, d.turn);
    } else deadEnds.push({ ...d });
  }
  const sum = (f: (p: PersonaAnalysis) => number) => parts.reduce((a, p) => a + f(p), 0);
  const deals = parts.flatMap((p) => [p.deals.best, p.deals.worst]).filter((d): d is DealEnd => d !== null);
  const bestDeal = deals.reduce<DealEnd | null>((a, d) => (!a || d.value > a.value ? d : a), null);
  const worstDeal = deals.reduce<DealEnd | null>((a, d) => (!a || d.value < a.value ? d : a), null);
  const scoresOfParts = (f: (p: PersonaAnalysis) => number | null) => parts.map(f).filter((x): x is number => x !== null);
  const choicesByBeat: Record<string, { min: number; max: number }> = {};
  for (const p of parts)
    for (const [beat, n] of Object.entries(p.choicesByBeat)) {
      const known = choicesByBeat[beat];
      choicesByBeat[beat] = known ? { min: Math.min(known.min, n.min), max: Math.max(known.max, n.max) } : { ...n };
    }
  // The first decision is made before the split: it offered one choice per part.
  const first = choicesByBeat[startBeat];
  choicesByBeat[startBeat] = first
    ? { min: Math.min(first.min, parts.length), max: Math.max(first.max, parts.length) }
    : { min: parts.length, max: parts.length };
  const optional = (xs: number[], f: (...n: number[]) => number) => (xs.length ? f(...xs) : null);
  return {
    personaId,
    seed,
    paths: sum((p) => p.paths),
    states: sum((p) => p.states) + 1,
    scores: scoresOf(histogram),
    histogram,
    best,
    worst,
    outcomes: {
      deal: sum((p) => p.outcomes.deal),
      'walked-away': sum((p) => p.outcomes['walked-away']),
      'counterpart-walked': sum((p) => p.outcomes['counterpart-walked']),
    },
    antiPatternsReachable: ANTI_PATTERN_IDS.filter((id) => parts.some((p) => p.antiPatternsReachable.includes(id))),
    decisions: { min: Math.min(...parts.map((p) => p.decisions.min)), max: Math.max(...parts.map((p) => p.decisions.max)) },
    choicesPerDecision: {
      min: Math.min(parts.length, ...parts.map((p) => p.choicesPerDecision.min || Infinity)),
      max: Math.max(parts.length, ...parts.map((p) => p.choicesPerDecision.max)),
    },
    choicesByBeat,
    deals: { best: bestDeal, worst: worstDeal, paths: sum((p) => p.deals.paths), soundPaths: sum((p) => p.deals.soundPaths) },
    walking: {
      paths: sum((p) => p.walking.paths),
      rightCalls: sum((p) => p.walking.rightCalls),
      bestScore: optional(
        scoresOfParts((p) => p.walking.bestScore),
        Math.max,
      ),
      worstScore: optional(
        scoresOfParts((p) => p.walking.worstScore),
        Math.min,
      ),
    },
    signing: {
      bestScore: optional(
        scoresOfParts((p) => p.signing.bestScore),
        Math.max,
      ),
      worstScore: optional(
        scoresOfParts((p) => p.signing.worstScore),
        Math.min,
      ),
    },
    deadEnds,
    reachedBeats: new Set([startBeat, ...parts.flatMap((p) => [...p.reachedBeats])]),
    reachedChoices: new Set(parts.flatMap((p) => [...p.reachedChoices, ...p.best.choices.slice(0, 1), ...p.worst.choices.slice(0, 1)])),
  };
}

/** Score at the given share of paths (0 = lowest, 1 = highest) from a histogram of path counts. */
function percentile(rows: [number, number][], q: number): number {
  const total = rows.reduce((a, [, n]) => a + n, 0);
  if (total === 0) return 0;
  const goal = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const [score, n] of rows) {
    seen += n;
    if (seen >= goal) return score;
  }
  return rows[rows.length - 1]![0];
}

/** A whole scenario: every persona, plus the lines and choices no persona ever reaches. */
export interface ScenarioAnalysis {
  scenarioId: string;
  personas: PersonaAnalysis[];
  unreachableBeats: string[];
  unreachableChoices: string[];
}

export function exploreScenario(
  c: CompiledScenario,
  options: { personaId?: string; seed?: number; onProgress?: (personaId: string, states: number) => void } = {},
): ScenarioAnalysis {
  const ids = options.personaId ? [options.personaId] : [...c.personas.keys()];
  const personas = ids.map((id) => explorePersona(c, id, options.seed ?? 1, (n) => options.onProgress?.(id, n)));
  return combineAnalyses(c, personas);
}

/** Joins per-persona explorations: content no persona reaches is unreachable. */
export function combineAnalyses(c: CompiledScenario, personas: PersonaAnalysis[]): ScenarioAnalysis {
  const beats = new Set(personas.flatMap((p) => [...p.reachedBeats]));
  const choices = new Set(personas.flatMap((p) => [...p.reachedChoices]));
  return {
    scenarioId: c.scenario.id,
    personas,
    unreachableBeats: [...c.beats.keys()].filter((b) => !beats.has(b)),
    unreachableChoices: [...c.choices.keys()].filter((ch) => !choices.has(ch)),
  };
}
