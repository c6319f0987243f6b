import type { CompiledScenario } from '../persona/compile.ts';
import type { Bounds } from '../persona/packages.ts';
import { PersonaStepper, type StepState } from '../persona/stepper.ts';
import { availableChoices, counterpartFloor, personaOf } from '../persona/rules.ts';
import { lowestReservation } from '../persona/rules/counterpart.ts';
import { ARCHETYPES, type ArchetypeId } from './archetypes.ts';
import { botRandom, finish, playPolicy, replayMoves, type PlayedGame } from './policy-play.ts';

/**
 * The teaching audit: plays every strategy archetype against every persona of a scenario over a sample
 * of seeds, and checks the teaching invariants of DESIGN.md on each persona separately (never on an
 * average over personas). A trainer runs it to learn whether their scenario's score teaches the right
 * lesson before they share it.
 */

export const INVARIANT_IDS = [
  'strong-beats-weak',
  'bad-below-disciplined',
  'outcome-order',
  'walk-below-deal',
  'no-one-note-a',
  'trading-pays',
  'asking-pays',
  'never-trade-no-a',
  'seed-stable',
] as const;
export type InvariantId = (typeof INVARIANT_IDS)[number];

/** What each invariant promises, in the words the audit prints. */
export const INVARIANTS: Record<InvariantId, string> = {
  'strong-beats-weak': 'Strong signals out-score weak ones and get better offers',
  'bad-below-disciplined': 'No strategy a negotiator knows is bad out-scores the disciplined one',
  'outcome-order': 'Deal well above the walk-away > correct walk-away > deal below it; being walked out on < walking yourself',
  'walk-below-deal': 'A correct walk-away never out-scores a deal above the walk-away without a never-trade item (same strategy)',
  'no-one-note-a': 'No one-note strategy reaches 90',
  'trading-pays': 'Trading beats never trading (two or more issues)',
  'asking-pays': 'Asking pays in deal value (in the best offer when neither signs)',
  'never-trade-no-a': 'Signing a never-trade item never earns an A',
  'seed-stable': 'The same moves with another seed score within 5 points',
};

export type InvariantStatus = 'pass' | 'fail' | 'n/a';

export interface InvariantResult {
  id: InvariantId;
  label: string;
  status: InvariantStatus;
  /** The numbers behind the verdict (for a failure: the numbers that failed). */
  detail: string;
}

export interface ArchetypeStats {
  archetype: ArchetypeId;
  games: number;
  meanScore: number;
  minScore: number;
  maxScore: number;
  /** Share of games that ended in a deal, 0..1. */
  dealRate: number;
  /** Mean worth of the outcome: the deal's value, or the walk-away value without a deal. */
  meanValue: number;
  /** Mean of the best offer the counterpart made. */
  meanBestOffer: number;
  /** Mean walk-away the rep held at the end (preparation can raise it). */
  meanWalkAway: number;
}

export interface PersonaAudit {
  personaId: string;
  personaName: string;
  archetypes: ArchetypeStats[];
  invariants: InvariantResult[];
}

export interface ScenarioAudit {
  scenarioId: string;
  title: string;
  seeds: number;
  walkAway: number;
  target: number;
  unit: string;
  games: number;
  personas: PersonaAudit[];
  passed: boolean;
}

export interface AuditOptions {
  /** Seeds sampled per archetype and persona (each also seeds the bot's tie-breaks). */
  seeds?: number;
}

/** How much better "better" must be for values: a share of the walk-away-to-target zone. */
export const VALUE_MARGIN = 0.02;
/** "Well above the walk-away": this share of the zone or more. */
export const WELL_ABOVE = 0.25;
export const A_GRADE = 90;
const SEED_TOLERANCE = 5;
/** Random play may stumble on the good path: at most this share of its games may earn an A. */
export const RANDOM_A_RATE = 0.05;
/**
 * Whether some deal can be at or above the rep's walk-away and still meet the counterpart's reservation
 * at its lowest (its real alternative with every weakness the rep could uncover exposed).
 */
export function zoneOfAgreement(c: CompiledScenario, personaId: string): boolean {
  const best = c.space.paretoAt(lowestReservation(c, c.personas.get(personaId)!));
  return best !== undefined && best.you >= c.scenario.walkAway;
}

/**
 * The most this counterpart can ever agree to: the rep's best package at its lowest reservation (every
 * weakness uncovered). A strategy already there has nothing left for another move to win.
 */
export function ceilingOf(c: CompiledScenario, personaId: string, bounds?: Bounds): number {
  return c.space.paretoAt(lowestReservation(c, c.personas.get(personaId)!), bounds)?.you ?? c.scenario.target;
}

/**
 * The ceiling under the terms each of a strategy's games had already agreed (its trades and accepted
 * packages), on average: what is left for any other move of that strategy to win. A strategy that traded
 * away part of an issue can never be offered more than the trade leaves, however weak the counterpart.
 */
function ceilingAfterTerms(c: CompiledScenario, personaId: string, games: readonly PlayedGame[]): number {
  return mean(games.map((g) => ceilingOf(c, personaId, g.end.context.model.bounds)));
}

/**
 * The counterpart's floor at the end of each strong-signal game and of the weak-signal game on the same
 * seed, and whether the counterpart's offer at the weak floor would be the same package as at the strong
 * floor (under the strong game's terms and what it learned): then the package space cannot show the gap.
 */
function pairedFloors(c: CompiledScenario, strong: readonly PlayedGame[], weak: readonly PlayedGame[]) {
  const out: { strong: number; weak: number; sameOffer: boolean }[] = [];
  for (let i = 0; i < Math.min(strong.length, weak.length); i++) {
    const s = strong[i]!.end.context.model;
    const w = weak[i]!.end.context.model;
    const fs = counterpartFloor(c, personaOf(c, s), s);
    const fw = counterpartFloor(c, personaOf(c, w), w);
    const at = (level: number) => c.space.offer(s.bounds, s.estimate, level)?.you;
    out.push({ strong: fs, weak: fw, sameOffer: at(fs) === at(fw) });
  }
  return out;
}

/**
 * What two strategies are compared on: what their outcomes are worth; but when neither outcome clears the
 * walk-away the rep held by `margin` (both walk, or sign no better than walking), what the counterpart
 * was brought to offer, since outcomes worth the walk-away cannot tell them apart.
 */
export function valueOrOffer(a: ArchetypeStats, b: ArchetypeStats, margin: number): [string, number, number] {
  if (a.meanValue >= a.meanWalkAway + margin || b.meanValue >= b.meanWalkAway + margin) return ['deal value', a.meanValue, b.meanValue];
  return ['best offer (no deal clears the walk-away)', a.meanBestOffer, b.meanBestOffer];
}

/**
 * Strategies whose moves are random draws: random play, the first button of a seeded random order, and
 * the one-note strategies that play anything at random when their note is not on offer (walker, holder,
 * asker). Any of them can stumble on the good path now and then.
 */
const HELD_TO_A_RATE: ReadonlySet<ArchetypeId> = new Set(['random', 'first-button', 'walker', 'holder', 'asker']);
/** Random play is sampled this many times more than the other archetypes, so its rate means something. */
const RANDOM_SAMPLES = 5;
/** Seeds are shifted by this for the "same moves, other seed" replay. */
const OTHER_SEED = 1009;

/** One sampled game, with the seed it was played on. */
interface SampledGame extends PlayedGame {
  seed: number;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;

export function auditScenario(c: CompiledScenario, options: AuditOptions = {}): ScenarioAudit {
  const seeds = Math.max(1, Math.floor(options.seeds ?? 12));
  const stepper = new PersonaStepper(c, { record: false });
  const personas: PersonaAudit[] = [];
  let games = 0;
  for (const [personaId, persona] of c.personas) {
    const played = new Map<ArchetypeId, SampledGame[]>();
    const branches: Branch[] = [];
    for (const a of ARCHETYPES) {
      const list: SampledGame[] = [];
      const samples = HELD_TO_A_RATE.has(a.id) ? seeds * RANDOM_SAMPLES : seeds;
      for (let seed = 1; seed <= samples; seed++) {
        const start = stepper.start({ personaId, seed });
        let branched = false;
        const game = playPolicy(stepper, c, start, a.policy, botRandom(seed), {
          seed,
          visit: (s, moves) => {
            if (branched || s.context.model.beat !== c.scenario.flow.finalOffer) return;
            branched = true;
            branches.push(branchAtFinalOffer(c, stepper, s, moves, a.id, seed));
          },
        });
        list.push({ ...game, seed });
      }
      games += list.length;
      played.set(a.id, list);
    }
    const stats = ARCHETYPES.map((a) => statsOf(a.id, played.get(a.id)!));
    personas.push({
      personaId,
      personaName: persona.name,
      archetypes: stats,
      invariants: checkInvariants(c, stepper, personaId, played, stats, branches),
    });
  }
  return {
    scenarioId: c.scenario.id,
    title: c.scenario.title,
    seeds,
    walkAway: c.scenario.walkAway,
    target: c.scenario.target,
    unit: c.scenario.unit,
    games,
    personas,
    passed: personas.every((p) => p.invariants.every((i) => i.status !== 'fail')),
  };
}

function statsOf(id: ArchetypeId, list: PlayedGame[]): ArchetypeStats {
  const scores = list.map((g) => g.score.total);
  return {
    archetype: id,
    games: list.length,
    meanScore: r1(mean(scores)),
    minScore: Math.min(...scores),
    maxScore: Math.max(...scores),
    dealRate: r1((list.filter((g) => g.outcome === 'deal').length / list.length) * 100) / 100,
    meanValue: r1(mean(list.map((g) => g.worth))),
    meanBestOffer: r1(mean(list.map((g) => g.bestOffer))),
    meanWalkAway: r1(mean(list.map((g) => g.end.context.model.walkAway))),
  };
}

/** The endings open at a final offer, each played out from the same state. */
interface Branch {
  archetype: ArchetypeId;
  seed: number;
  turn: number;
  /** What the offer on the table is worth, and the best offer seen so far. */
  value: number;
  bestOffer: number;
  walkAway: number;
  accept: PlayedGame | null;
  walk: PlayedGame | null;
  /** Holding on until the counterpart walks out, when it does. */
  walkedOut: PlayedGame | null;
  neverTradeSigned: boolean;
}

function branchAtFinalOffer(c: CompiledScenario, stepper: PersonaStepper, s: StepState, moves: string[], archetype: ArchetypeId, seed: number): Branch {
  const m = s.context.model;
  const choices = availableChoices(c, m);
  const ending = (tag: string): PlayedGame | null => {
    const ch = choices.find((x) => x.tags.includes(tag));
    const next = ch ? stepper.choose(s, ch.id) : null;
    return next?.done ? finish(c, [...moves, ch!.id], next) : null;
  };
  // Pushing (anything but accepting or walking) until the counterpart leaves or the pushes run out.
  let walkedOut: PlayedGame | null = null;
  let cur: StepState | null = s;
  const pushed = [...moves];
  for (let i = 0; i < 4 && cur && !cur.done; i++) {
    const push = availableChoices(c, cur.context.model).find((x) => !x.tags.includes('accept') && !x.tags.includes('walk-away'));
    if (!push) break;
    pushed.push(push.id);
    cur = stepper.choose(cur, push.id);
  }
  if (cur?.done) {
    const g = finish(c, pushed, cur);
    if (g.outcome === 'counterpart-walked') walkedOut = g;
  }
  const value = c.space.valueOf(m.terms);
  const neverTradeSigned = c.scenario.issues.some((issue) => issue.options.find((o) => o.id === m.terms[issue.id])?.flags?.includes('never-trade'));
  return {
    archetype,
    seed,
    turn: m.turn + 1,
    value,
    bestOffer: m.bestOffer,
    walkAway: m.walkAway,
    accept: ending('accept'),
    walk: ending('walk-away'),
    walkedOut,
    neverTradeSigned,
  };
}

function checkInvariants(
  c: CompiledScenario,
  stepper: PersonaStepper,
  personaId: string,
  played: Map<ArchetypeId, SampledGame[]>,
  stats: ArchetypeStats[],
  branches: Branch[],
): InvariantResult[] {
  const s = c.scenario;
  const zone = Math.max(1, s.target - s.walkAway);
  const margin = VALUE_MARGIN * zone;
  const st = (id: ArchetypeId) => stats.find((x) => x.archetype === id)!;
  const all = [...played.values()].flat();
  const out: InvariantResult[] = [];
  const result = (id: InvariantId, status: InvariantStatus, detail: string) => out.push({ id, label: INVARIANTS[id], status, detail });

  {
    const strong = st('strong-signal');
    const weak = st('weak-signal');
    const scoreOk = strong.meanScore > weak.meanScore;
    // With no zone of agreement no signal can buy a better offer: the counterpart's reservation is the
    // wall, and the lesson is to walk. The score must still tell strength from weakness.
    const zopa = zoneOfAgreement(c, personaId);
    // Offers come in whole packages. Where the weak player's floor and the strong player's fall between
    // the same two packages, no offer can tell them apart; the strong player's floor must still be lower.
    const floors = pairedFloors(c, played.get('strong-signal') ?? [], played.get('weak-signal') ?? []);
    const sameOffer = floors.every((f) => f.sameOffer);
    const floorOk = floors.length > 0 && mean(floors.map((f) => f.weak - f.strong)) >= VALUE_MARGIN;
    const offerOk = !zopa || strong.meanBestOffer >= weak.meanBestOffer + margin || (sameOffer && floorOk);
    const offerNote = !zopa
      ? ' (no zone of agreement: offers not compared)'
      : strong.meanBestOffer >= weak.meanBestOffer + margin
        ? ''
        : sameOffer
          ? ` (their floor ${r2(mean(floors.map((f) => f.strong)))} vs ${r2(mean(floors.map((f) => f.weak)))}, but no package lies between the two floors)`
          : '';
    result(
      'strong-beats-weak',
      scoreOk && offerOk ? 'pass' : 'fail',
      `score ${strong.meanScore} vs ${weak.meanScore}${scoreOk ? '' : ' (strong not higher)'}; best offer ${strong.meanBestOffer} vs ${weak.meanBestOffer}${offerOk ? offerNote : ` (needs +${r1(margin)}${offerNote})`}`,
    );
  }
  {
    const good = st('disciplined').meanScore;
    const above = ARCHETYPES.filter((a) => a.bad && st(a.id).meanScore >= good).map((a) => `${a.id} ${st(a.id).meanScore}`);
    result(
      'bad-below-disciplined',
      above.length ? 'fail' : 'pass',
      above.length
        ? `disciplined ${good}; not below it: ${above.join(', ')}`
        : `disciplined ${good}; best bad ${Math.max(...ARCHETYPES.filter((a) => a.bad).map((a) => st(a.id).meanScore))}`,
    );
  }
  {
    const failures: string[] = [];
    let compared = 0;
    for (const b of branches) {
      const at = `${b.archetype}#${b.seed} t${b.turn} offer ${b.value}`;
      if (b.accept && b.walk) {
        if (b.value >= b.walkAway + WELL_ABOVE * zone) {
          compared++;
          if (!(b.accept.score.total > b.walk.score.total)) failures.push(`${at}: deal ${b.accept.score.total} <= walk ${b.walk.score.total}`);
        } else if (b.value < b.walkAway && b.bestOffer < b.walkAway) {
          compared++;
          if (!(b.walk.score.total > b.accept.score.total)) failures.push(`${at}: correct walk ${b.walk.score.total} <= deal below ${b.accept.score.total}`);
        }
      }
      if (b.walk && b.walkedOut && b.bestOffer < b.walkAway) {
        compared++;
        if (!(b.walkedOut.score.total < b.walk.score.total)) failures.push(`${at}: walked out on ${b.walkedOut.score.total} >= own walk ${b.walk.score.total}`);
      }
    }
    result(
      'outcome-order',
      failures.length ? 'fail' : compared ? 'pass' : 'n/a',
      failures.length ? `${failures.length} of ${compared}: ${failures.slice(0, 3).join('; ')}` : `${compared} endings compared at the final offer`,
    );
  }
  {
    // Compared within one strategy, so the process is alike and only the ending differs: wherever an
    // archetype's games end both in correct walks and in deals above the walk-away, the deals score higher.
    const lines: string[] = [];
    const failed: string[] = [];
    for (const [id, list] of played) {
      const walks = list.filter((g) => g.outcome === 'walked-away' && g.bestOffer < g.end.context.model.walkAway).map((g) => g.score.total);
      // A deal that signs a never-trade item is not one walking should lose to: giving that item away is
      // the failure the rep's own list exists to prevent, whatever the deal's value, so it is left out.
      const deals = list.filter((g) => g.outcome === 'deal' && g.worth > g.end.context.model.walkAway && !signsNeverTrade(c, g)).map((g) => g.score.total);
      if (!walks.length || !deals.length) continue;
      const line = `${id}: walks ${r1(mean(walks))} vs deals ${r1(mean(deals))}`;
      lines.push(line);
      if (!(mean(walks) < mean(deals))) failed.push(line);
    }
    if (!lines.length) result('walk-below-deal', 'n/a', 'no strategy ended both in a correct walk and in a deal above the walk-away');
    else
      result(
        'walk-below-deal',
        failed.length ? 'fail' : 'pass',
        failed.length ? failed.join('; ') : lines.slice(0, 3).join('; ') + (lines.length > 3 ? '; ...' : ''),
      );
  }
  {
    // A random game that happens to pick the good moves must score like them, so random play is held
    // to a rate (an A in no more than RANDOM_A_RATE of its games) rather than to its luckiest game. The
    // first button is random play too (the session shows choices in a seeded random order), and so are a
    // one-note strategy's moves off its note. The threatener plays sensibly off its note: none of its
    // games that threatened may reach an A.
    const fixed = ARCHETYPES.filter((a) => a.oneNote && !HELD_TO_A_RATE.has(a.id));
    const playedNote = (a: (typeof fixed)[number]) =>
      (played.get(a.id) ?? []).filter((g) => a.note === undefined || g.moves.some((id) => c.choiceTags.get(id)?.has(a.note!)));
    const topOf = (a: (typeof fixed)[number]) => Math.max(-Infinity, ...playedNote(a).map((g) => g.score.total));
    const over = fixed.filter((a) => topOf(a) >= A_GRADE).map((a) => `${a.id} ${topOf(a)}`);
    const rates: string[] = [];
    for (const id of HELD_TO_A_RATE) {
      const games = played.get(id) ?? [];
      const as = games.filter((g) => g.score.total >= A_GRADE).length;
      if (as > RANDOM_A_RATE * games.length) over.push(`${id} ${as} A in ${games.length} games`);
      rates.push(`${id === 'random' ? 'random play' : id}: ${as} A in ${games.length}`);
    }
    const top = Math.max(...fixed.map(topOf));
    const topText = Number.isFinite(top) ? `highest one-note score ${top}` : `${fixed.map((a) => a.id).join(', ')}: no game played its note`;
    result('no-one-note-a', over.length ? 'fail' : 'pass', over.length ? `reached 90: ${over.join(', ')}` : `${topText}; ${rates.join('; ')}`);
  }
  {
    const traderGames = played.get('trader') ?? [];
    // The most the counterpart can agree to once the trader's own terms are settled (read only if needed).
    let traderCeiling: number | undefined;
    const afterTrades = () => (traderCeiling ??= ceilingAfterTerms(c, personaId, traderGames));
    const traderMoves = traderGames.some((g) => g.moves.some((id) => isTrade(c, id)));
    // A trade the counterpart refuses is no trade: where every one is refused there is nothing to compare.
    const agreed = traderGames.some((g) => g.end.context.model.tally.trades + g.end.context.model.tally.proposalsAccepted > 0);
    if (s.issues.length < 2 || !traderMoves) result('trading-pays', 'n/a', s.issues.length < 2 ? 'one issue' : 'no trade or structured alternative reachable');
    else if (!agreed) result('trading-pays', 'n/a', 'the counterpart refused every trade and structure the trader put to it: its floor leaves no room for one');
    else if (!zoneOfAgreement(c, personaId)) result('trading-pays', 'n/a', 'no zone of agreement: no trade can reach the walk-away, so walking is the lesson');
    else if (st('never-trader').meanValue >= ceilingOf(c, personaId) - margin)
      result('trading-pays', 'n/a', `the never-trader already gets ${st('never-trader').meanValue}, the most this counterpart can ever agree to`);
    else if (afterTrades() < st('never-trader').meanValue + margin)
      // What a trade gives is settled; what it gets, the counterpart might have conceded anyway. Where
      // holding already leaves less on the table than the trade's give costs, no deal the trade allows
      // can come out ahead: the lesson there is not to pay for what they would concede.
      result(
        'trading-pays',
        'n/a',
        `the never-trader already gets ${st('never-trader').meanValue}; once the trader's terms are settled the most this counterpart can agree to is ${r1(afterTrades())}: the trade's give costs more than holding leaves on the table`,
      );
    else {
      const t = st('trader');
      const n = st('never-trader');
      const [what, tv, nv] = valueOrOffer(t, n, margin);
      // The deal must show it; the score must not say otherwise (it may tie where both pass the target).
      const ok = t.meanScore >= n.meanScore && tv >= nv + margin;
      result(
        'trading-pays',
        ok ? 'pass' : 'fail',
        `${what}: trader ${tv}, never-trader ${nv}; score ${t.meanScore} vs ${n.meanScore}${ok ? '' : ` (${what} needs +${r1(margin)}, score no lower)`}`,
      );
    }
  }
  {
    const asks = (played.get('disciplined') ?? []).some((g) => g.moves.some((id) => c.choiceTags.get(id)?.has('ask:batna')));
    if (!asks) result('asking-pays', 'n/a', 'no discovery question reachable');
    else {
      // When neither strategy ever signs, both outcomes are worth the walk-away by definition, so the
      // deal value cannot tell them apart. What asking changes is the counterpart's position: its floor
      // drops with what the rep uncovers. Then the honest measure is what each was offered (the best
      // offer), still held to the same margin; as soon as either signs, the deal value decides.
      const d = st('disciplined');
      const n = st('never-asker');
      const [what, dv, nv] = valueOrOffer(d, n, margin);
      const ceiling = ceilingAfterTerms(c, personaId, played.get('never-asker') ?? []);
      if (nv >= ceiling - margin && dv >= nv - margin)
        result(
          'asking-pays',
          'n/a',
          ceiling >= ceilingOf(c, personaId) - margin
            ? `without questions the rep already gets ${nv}, the most this counterpart can ever agree to`
            : `without questions the rep already gets ${nv}, the most this counterpart can agree to once the trades both made are settled`,
        );
      else {
        // As for signals: where the asker's floor and the never-asker's fall between the same two packages
        // of the counterpart's concession plan, no offer can show the difference; the asker's floor must
        // then be lower by the margin instead.
        const floors = pairedFloors(c, played.get('disciplined') ?? [], played.get('never-asker') ?? []);
        const between = floors.length > 0 && floors.every((f) => f.sameOffer) && mean(floors.map((f) => f.weak - f.strong)) >= VALUE_MARGIN;
        const ok = dv >= nv + margin || (dv >= nv && between);
        const note =
          dv < nv + margin && between
            ? ` (their floor ${r2(mean(floors.map((f) => f.strong)))} vs ${r2(mean(floors.map((f) => f.weak)))}, but no package of their concession plan lies between the two floors)`
            : '';
        result('asking-pays', ok ? 'pass' : 'fail', `${what} with questions ${dv}; without ${nv}${note}${ok ? '' : ` (needs +${r1(margin)})`}`);
      }
    }
  }
  {
    const signed = [
      ...all.filter((g) => g.outcome === 'deal' && signsNeverTrade(c, g)),
      ...branches.filter((b) => b.neverTradeSigned && b.accept).map((b) => b.accept!),
    ];
    const a = signed.filter((g) => g.score.total >= A_GRADE);
    result(
      'never-trade-no-a',
      a.length ? 'fail' : signed.length ? 'pass' : 'n/a',
      a.length
        ? `${a.length} of ${signed.length} signed never-trade deals scored ${Math.max(...a.map((g) => g.score.total))}`
        : signed.length
          ? `${signed.length} never-trade deals, highest ${Math.max(...signed.map((g) => g.score.total))}`
          : 'no sampled deal signed a never-trade option',
    );
  }
  {
    const failures: string[] = [];
    let compared = 0;
    for (const [id, list] of played) {
      for (const g of list) {
        const seed = g.seed;
        compared++;
        const other = replayMoves(stepper, c, personaId, seed + OTHER_SEED, g.moves);
        if (!other || !other.done) {
          failures.push(`${id}#${seed}: the moves do not replay under seed ${seed + OTHER_SEED}`);
          continue;
        }
        const again = finish(c, g.moves, other);
        if (again.outcome !== g.outcome || Math.abs(again.score.total - g.score.total) > SEED_TOLERANCE)
          failures.push(`${id}#${seed}: ${g.outcome} ${g.score.total} vs ${again.outcome} ${again.score.total}`);
      }
    }
    result(
      'seed-stable',
      failures.length ? 'fail' : 'pass',
      failures.length ? `${failures.length} of ${compared}: ${failures.slice(0, 3).join('; ')}` : `${compared} games replayed under another seed`,
    );
  }
  return out;
}

function isTrade(c: CompiledScenario, id: string): boolean {
  const ch = c.choices.get(id);
  if (!ch) return false;
  return ch.tags.includes('trade') || ch.tags.includes('walk-to') || (ch.give !== undefined && ch.get !== undefined) || ch.propose !== undefined;
}

function signsNeverTrade(c: CompiledScenario, g: PlayedGame): boolean {
  const terms = g.end.context.model.terms;
  return c.scenario.issues.some((issue) => issue.options.find((o) => o.id === terms[issue.id])?.flags?.includes('never-trade'));
}
