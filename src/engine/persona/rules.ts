import type { BeatDef, ChoiceDef, Persona, ReactionKey } from '../scenario/schema.ts';
import type { AntiPatternId } from '../vocabulary.ts';
import { nextRandom, seedState } from '../rng.ts';
import { personaText } from '../text.ts';
import type { CompiledScenario } from './compile.ts';
import { EMPTY_TALLY, type NegotiationContext, type NegotiationModel, type Tally } from './context.ts';
import { aspiration } from './curve.ts';
import type { Bounds, Package } from './packages.ts';
import { TUNING } from './tuning.ts';

/**
 * The negotiation rules as pure functions of (compiled scenario, context, choice). The persona machine
 * calls them from its named actions and guards; nothing else decides what a choice does.
 */

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const sortedUnion = (a: string[], b: string[] | undefined) => (b && b.length ? [...new Set([...a, ...b])].sort() : a);

export function personaOf(c: CompiledScenario, m: NegotiationModel): Persona {
  return c.personas.get(m.personaId)!;
}

export function initialContext(c: CompiledScenario, personaId: string, seed: number): NegotiationContext {
  const s = c.scenario;
  const p = c.personas.get(personaId);
  if (!p) throw new Error(`unknown persona "${personaId}" in scenario "${s.id}"`);
  const bounds = c.space.unbounded();
  const model: NegotiationModel = {
    personaId,
    rng: seedState(seed),
    turn: 0,
    clock: 0,
    beat: c.firstBeat,
    nextBeat: null,
    resume: null,
    realBatna: s.batna.strength,
    walkAway: s.walkAway,
    facts: [...s.batna.facts].sort(),
    discovered: [],
    threads: false,
    prepActions: 0,
    prepBatnaGain: 0,
    belief: p.belief,
    credibility: p.credibility,
    trust: p.trust,
    learnedPressure: p.memory?.learnedPressure ?? 0,
    hardened: 0,
    tacticsUsed: [],
    pendingClaim: null,
    claimTested: false,
    closingRounds: 0,
    bounds,
    terms: { ...s.proposal },
    bestOffer: -Infinity,
    tally: { ...EMPTY_TALLY },
    antiPatterns: [],
    reaction: null,
    outcome: null,
  };
  // A scenario whose script opens at the table (no prep beats) starts with the counterpart's opening offer.
  if (c.beats.get(c.firstBeat)!.phase !== 'prep') Object.assign(model, openingOffer(c, model));
  return { model, log: { transcript: [], offers: [], antiPatterns: [] } };
}

/** Choices the player can make now: the beat's choices whose requires/unless hold. */
export function availableChoices(c: CompiledScenario, m: NegotiationModel): ChoiceDef[] {
  if (m.outcome) return [];
  const beat = c.beats.get(m.beat)!;
  const holds = (id: string) => m.facts.includes(id) || m.discovered.includes(id);
  return beat.choices.filter((ch) => (ch.requires ?? []).every(holds) && !(ch.unless ?? []).some(holds));
}

export function isPrepBeat(c: CompiledScenario, beatId: string): boolean {
  return c.beats.get(beatId)!.phase === 'prep';
}

/** The counterpart's floor: the least it accepts, on its 0..1 scale. */
export function counterpartFloor(p: Persona, m: NegotiationModel): number {
  const base = p.batna + (1 - p.batna) * TUNING.holdBack * (1 - m.belief);
  return Math.min(0.98, Math.max(p.batna, base + TUNING.learnedPressureStep * m.learnedPressure));
}

/** The counterpart's concession exponent now: belief in the player's alternative speeds it, threats harden it. */
export function concessionExponent(p: Persona, m: NegotiationModel): number {
  return p.concession.exponent * Math.pow(2, (m.belief - 0.5) * 2 * p.sensitivity) * Math.pow(TUNING.hardenFactor, m.hardened);
}

export function counterpartAspiration(p: Persona, m: NegotiationModel): number {
  return aspiration(m.clock / p.patience, counterpartFloor(p, m), p.concession.start, concessionExponent(p, m));
}

/** What the counterpart puts on the table at `level`: the best for the player that meets it. */
function offerAtLevel(c: CompiledScenario, bounds: Bounds, level: number): Package | undefined {
  const f = c.space.frontier(bounds);
  return f.offerAt(level) ?? f.theirBest;
}

function withOffer(c: CompiledScenario, m: NegotiationModel, level: number): Pick<NegotiationModel, 'terms' | 'bestOffer'> {
  const offer = offerAtLevel(c, m.bounds, level);
  if (!offer) return { terms: m.terms, bestOffer: m.bestOffer };
  return { terms: offer.terms, bestOffer: Math.max(m.bestOffer, offer.you) };
}

function openingOffer(c: CompiledScenario, m: NegotiationModel) {
  return withOffer(c, m, counterpartAspiration(personaOf(c, m), m));
}

function reactionText(c: CompiledScenario, p: Persona, key: ReactionKey, choice?: ChoiceDef): string {
  const own = choice?.reply !== undefined ? personaText(choice.reply, p.id) : undefined;
  return own ?? personaText(p.reactions?.[key], p.id) ?? personaText(c.scenario.reactions[key], p.id) ?? '';
}

function addAntiPattern(ctx: NegotiationContext, id: AntiPatternId, choiceId: string): NegotiationContext {
  const m = ctx.model;
  return {
    model: { ...m, antiPatterns: m.antiPatterns.includes(id) ? m.antiPatterns : [...m.antiPatterns, id].sort() },
    log: { ...ctx.log, antiPatterns: [...ctx.log.antiPatterns, { id, turn: m.turn, choiceId }] },
  };
}

/** The beat the script reaches after `choice` if nothing interjects. */
function scriptedNext(c: CompiledScenario, m: NegotiationModel, choice: ChoiceDef): string {
  if (choice.next) return choice.next;
  if (c.interjections.has(m.beat)) return m.resume ?? c.scenario.flow.finalOffer;
  const i = c.order.get(m.beat)!;
  return c.scenario.beats[i + 1]?.id ?? c.scenario.flow.finalOffer;
}

function tighten(bounds: Bounds, c: CompiledScenario, terms: Record<string, string> | undefined, side: 'give' | 'get' | 'fix'): Bounds {
  if (!terms) return bounds;
  const next: Record<string, readonly [number, number]> = { ...bounds };
  for (const [issueId, optionId] of Object.entries(terms)) {
    const you = c.scenario.issues.find((i) => i.id === issueId)!.options.find((o) => o.id === optionId)!.you;
    const [lo, hi] = next[issueId]!;
    next[issueId] = side === 'give' ? [lo, Math.min(hi, you)] : side === 'get' ? [Math.max(lo, you), hi] : [you, you];
  }
  return next;
}

function givesNeverTrade(c: CompiledScenario, give: Record<string, string> | undefined): boolean {
  return Object.entries(give ?? {}).some(([issueId, optionId]) =>
    c.scenario.issues.find((i) => i.id === issueId)?.options.find((o) => o.id === optionId)?.flags?.includes('never-trade'),
  );
}

const count = (t: Tally, key: keyof Tally, by = 1): Tally => ({ ...t, [key]: t[key] + by });

/**
 * Applies one choice: preparation effects, signals and their effect on belief and credibility, claims
 * and the chance they are tested, terms given and got, the counterpart's new offer, and the outcome if
 * the negotiation ends. Sets `nextBeat`; the machine's guarded transitions decide what actually comes next.
 */
export function applyChoice(c: CompiledScenario, ctx0: NegotiationContext, choice: ChoiceDef): NegotiationContext {
  const p = personaOf(c, ctx0.model);
  const beat = c.beats.get(ctx0.model.beat)!;
  const tags = new Set(choice.tags);
  const spoken = spokenLine(c, ctx0.model);
  let ctx: NegotiationContext = { ...ctx0, model: { ...ctx0.model, turn: ctx0.model.turn + 1, reaction: null } };

  if (beat.phase === 'prep') ctx = applyPrep(c, ctx, choice);
  else ctx = applyAtTable(c, p, ctx, beat, choice, tags);

  const m = ctx.model;
  const transcriptEntry = {
    turn: ctx0.model.turn + 1,
    phase: beat.phase === 'prep' ? ('prep' as const) : ('negotiation' as const),
    beat: beat.id,
    speaker: speakerOf(c, ctx0.model),
    line: spoken,
    choice: { id: choice.id, text: choice.text, tags: [...choice.tags] },
    value: c.space.valueOf(m.terms),
  };
  const atTable = beat.phase !== 'prep' || (m.nextBeat !== null && !isPrepBeat(c, m.nextBeat));
  const offers = atTable
    ? [...ctx.log.offers, { turn: m.turn, theirs: c.space.valueOf(m.terms), yours: c.space.frontier(m.bounds).yourBest?.you ?? 0 }]
    : ctx.log.offers;
  return { model: m, log: { ...ctx.log, transcript: [...ctx.log.transcript, transcriptEntry], offers } };
}

function applyPrep(c: CompiledScenario, ctx: NegotiationContext, choice: ChoiceDef): NegotiationContext {
  let m = ctx.model;
  const e = choice.effect;
  if (choice.tags.includes('walk-away')) {
    return { ...ctx, model: { ...m, outcome: 'walked-away', nextBeat: null } };
  }
  if (e) {
    m = {
      ...m,
      realBatna: clamp01(m.realBatna + (e.batna ?? 0)),
      prepBatnaGain: m.prepBatnaGain + Math.max(0, e.batna ?? 0),
      facts: sortedUnion(m.facts, e.facts),
      walkAway: m.walkAway + (e.walkAway ?? 0),
      discovered: sortedUnion(m.discovered, e.reveals?.filter((d) => personaOf(c, m).signals.includes(d))),
      threads: m.threads || (e.threads ?? false),
      prepActions: m.prepActions + 1,
    };
  }
  const nextBeat = scriptedNext(c, m, choice);
  ctx = { ...ctx, model: { ...m, nextBeat } };
  if (!isPrepBeat(c, nextBeat)) {
    // Sitting down at the table: what was (not) prepared is now fixed, and the counterpart opens.
    if (ctx.model.prepBatnaGain <= 0) ctx = addAntiPattern(ctx, 'ignoring-batna', choice.id);
    if (c.hasThreadsAction && !ctx.model.threads) ctx = addAntiPattern(ctx, 'single-threaded', choice.id);
    ctx = { ...ctx, model: { ...ctx.model, ...openingOffer(c, ctx.model) } };
  }
  for (const id of choice.antiPatterns ?? []) ctx = addAntiPattern(ctx, id, choice.id);
  return ctx;
}

function applyAtTable(
  c: CompiledScenario,
  p: Persona,
  ctx: NegotiationContext,
  beat: BeatDef,
  choice: ChoiceDef,
  tags: Set<string>,
): NegotiationContext {
  let m = ctx.model;
  let reaction: ReactionKey | null = null;
  let answer: string | null = null;
  const flag = (id: AntiPatternId) => {
    ctx = addAntiPattern({ ...ctx, model: m }, id, choice.id);
    m = ctx.model;
  };
  const draw = () => {
    const r = nextRandom(m.rng);
    m = { ...m, rng: r.state };
    return r.value;
  };
  const backed = (choice.backedBy ?? []).some((f) => m.facts.includes(f));

  // Ending moves.
  if (tags.has('walk-away')) {
    m = { ...m, outcome: 'walked-away', nextBeat: null, pendingClaim: null };
    return { ...ctx, model: m };
  }
  if (tags.has('accept')) {
    m = { ...m, outcome: 'deal', nextBeat: null, pendingClaim: null };
    if (c.space.valueOf(m.terms) < m.walkAway) flag('deal-below-walk-away');
    for (const id of choice.antiPatterns ?? []) flag(id);
    return { ...ctx, model: m };
  }

  // Answering a test of a claimed alternative.
  if (m.pendingClaim && beat.id === c.scenario.flow.bluffTest) {
    const backsDown = tags.has('batna:weak') || tags.has('concede') || !(tags.has('hold') || tags.has('batna:strong') || tags.has('claim:alternative'));
    if (m.pendingClaim.bluff || backsDown) {
      m = {
        ...m,
        credibility: m.credibility * TUNING.bluffCalledCredibility,
        belief: clamp01(Math.min(m.belief - m.pendingClaim.gain, m.realBatna * 0.5)),
        learnedPressure: m.learnedPressure + 1,
        tally: count(m.tally, 'bluffsCalled'),
      };
      reaction = 'bluffCalled';
    } else {
      m = { ...m, credibility: clamp01(m.credibility + TUNING.claimProvenCredibility), belief: clamp01(m.belief + 0.1 * p.sensitivity) };
      reaction = 'claimProven';
    }
    m = { ...m, pendingClaim: null };
  } else {
    // Signals about the player's alternative.
    if (tags.has('batna:weak')) {
      m = { ...m, belief: clamp01(m.belief - TUNING.weakSignal * p.sensitivity), tally: count(m.tally, 'weakSignals') };
      flag('revealing-desperation');
      reaction = 'signalWeak';
    }
    if (tags.has('pace:panic')) {
      m = { ...m, belief: clamp01(m.belief - TUNING.panicSignal * p.sensitivity), tally: count(m.tally, 'panics') };
      flag('end-of-quarter-panic');
      reaction = 'signalWeak';
    }
    const claims = tags.has('claim:alternative') || tags.has('threat') || (tags.has('batna:strong') && choice.backedBy !== undefined);
    if (tags.has('batna:strong') && !tags.has('claim:alternative') && !tags.has('threat') && (backed || choice.backedBy === undefined)) {
      // Calm strength: it moves them as far as the preparation behind it is real.
      const gain = TUNING.strongSignal * p.sensitivity * m.credibility * (0.3 + 0.7 * m.realBatna) * (1 - m.belief);
      m = { ...m, belief: clamp01(m.belief + gain), tally: count(m.tally, 'strongSignals') };
      reaction = 'signalStrong';
    }
    if (claims) {
      const bluff = !backed;
      const gain = (tags.has('threat') ? 0.3 : 1) * TUNING.claimSignal * p.sensitivity * m.credibility * (1 - m.belief);
      m = { ...m, belief: clamp01(m.belief + gain), tally: count(m.tally, bluff ? 'bluffs' : 'backedClaims') };
      if (bluff) flag('bluffing');
      else if (!tags.has('threat')) m = { ...m, tally: count(m.tally, 'strongSignals') };
      reaction = 'signalStrong';
      const testChance = p.skepticism * (bluff ? 1 : TUNING.backedTestShare);
      if (c.scenario.flow.bluffTest && !m.claimTested && draw() < testChance) {
        m = { ...m, pendingClaim: { bluff, gain }, claimTested: true };
      }
    }
    if (tags.has('threat')) {
      m = {
        ...m,
        trust: clamp01(m.trust - TUNING.threatTrustCost),
        hardened: m.hardened + 1,
        tally: count(m.tally, 'threats'),
      };
      flag('threatening');
      reaction = 'threatened';
    }
    if (tags.has('pace:pause')) {
      m = { ...m, clock: m.clock + 1, belief: clamp01(m.belief + TUNING.pauseSignal * p.sensitivity * m.credibility) };
      reaction ??= 'paused';
    }
  }

  // Discovery.
  if (choice.reveals?.length) {
    const learned = choice.reveals.filter((d) => p.signals.includes(d));
    m = { ...m, discovered: sortedUnion(m.discovered, learned), tally: count(m.tally, 'asks') };
    answer = choice.reveals.map((d) => p.answers?.[d]).find((a) => a !== undefined) ?? null;
    reaction ??= 'answered';
  } else if (tags.has('ask:batna')) {
    m = { ...m, tally: count(m.tally, 'asks') };
    reaction ??= 'answered';
  }

  // Terms: gives, gets, structured alternatives.
  if (choice.give || choice.get) {
    const proposed = tighten(tighten(m.bounds, c, choice.give, 'give'), c, choice.get, 'get');
    const frontier = c.space.frontier(proposed);
    const acceptable = !frontier.empty && frontier.theirBest!.them >= counterpartFloor(p, m) - 1e-9;
    if (choice.get && !acceptable) {
      reaction = 'tradeRefused';
    } else {
      m = {
        ...m,
        bounds: proposed,
        tally: count(m.tally, 'gives'),
      };
      if (givesNeverTrade(c, choice.give)) m = { ...m, tally: count(m.tally, 'neverTradeGiven') };
      if (choice.get) {
        m = { ...m, trust: clamp01(m.trust + TUNING.tradeTrustGain), tally: count(m.tally, 'trades') };
        reaction = 'traded';
      } else {
        m = {
          ...m,
          learnedPressure: m.learnedPressure + 1,
          belief: clamp01(m.belief - TUNING.concessionSignal * p.sensitivity),
          tally: count(m.tally, 'freeGives'),
        };
        flag('concession-without-trade');
        reaction = 'conceded';
      }
    }
  }
  if (choice.propose) {
    const proposed = tighten(m.bounds, c, choice.propose, 'fix');
    const level = counterpartAspiration(p, { ...m, clock: m.clock + 1 }) - TUNING.proposalSlack;
    const offer = c.space.frontier(proposed).offerAt(level);
    if (offer) {
      m = { ...m, bounds: proposed, tally: count(m.tally, 'proposalsAccepted') };
      reaction = 'proposalAccepted';
    } else reaction = 'proposalRejected';
  }
  if (tags.has('hold') && reaction === null) reaction = 'held';
  if (tags.has('hold')) m = { ...m, tally: count(m.tally, 'holds') };
  for (const id of choice.antiPatterns ?? []) flag(id);

  // The counterpart's clock moves on and it answers with a new offer.
  m = { ...m, clock: m.clock + 1 };
  if (beat.id === c.scenario.flow.finalOffer) {
    // At the final offer, anything but accepting or walking is a last push. A credible player may get
    // one small step more; otherwise the counterpart leaves.
    const canPush = (tags.has('hold') || tags.has('batna:strong') || tags.has('pace:pause') || tags.has('walk-to')) && m.belief >= TUNING.lastPushBelief;
    if (m.closingRounds === 0 && (canPush || reaction === 'proposalAccepted')) {
      const level = Math.max(p.batna, counterpartFloor(p, m) - (canPush ? TUNING.lastPushStep : 0));
      m = { ...m, ...withOffer(c, m, level), closingRounds: 1 };
      reaction = reaction === 'proposalAccepted' ? reaction : 'lastPush';
    } else {
      m = { ...m, outcome: 'counterpart-walked' };
      reaction = 'counterpartWalks';
    }
  } else {
    m = { ...m, ...withOffer(c, m, counterpartAspiration(p, m)) };
  }
  if (m.trust <= 1e-9 && !m.outcome) {
    m = { ...m, outcome: 'counterpart-walked' };
    reaction = 'counterpartWalks';
  }

  const text = reaction === 'answered' && answer ? answer : reaction ? reactionText(c, p, reaction, choice) : personaText(choice.reply, p.id) ?? '';
  m = {
    ...m,
    reaction: reaction || text ? { key: reaction ?? 'held', text } : null,
    nextBeat: m.outcome ? null : scriptedNext(c, m, choice),
  };
  return { ...ctx, model: m };
}

// ---- Routing: what comes next, read by the machine's guards and entry actions ----

/** Index of the persona tactic due now, or -1. */
export function dueTactic(c: CompiledScenario, m: NegotiationModel): number {
  const p = personaOf(c, m);
  return p.tactics.findIndex((t, i) => !m.tacticsUsed.includes(i) && t.turn <= m.clock);
}

export function finalOfferDue(c: CompiledScenario, m: NegotiationModel): boolean {
  const p = personaOf(c, m);
  const finalBeat = c.scenario.flow.finalOffer;
  if (m.beat === finalBeat) return true; // a last push keeps us at the final offer
  return m.nextBeat === finalBeat || m.clock >= p.patience;
}

export function enterBeat(m: NegotiationModel, beat: string, resume: string | null = m.resume): NegotiationModel {
  return { ...m, beat, nextBeat: null, resume };
}

export function enterTactic(c: CompiledScenario, m: NegotiationModel): NegotiationModel {
  const i = dueTactic(c, m);
  const tactic = personaOf(c, m).tactics[i]!;
  return { ...enterBeat(m, tactic.beat, m.nextBeat), tacticsUsed: [...m.tacticsUsed, i] };
}

// ---- What the player sees ----

export function speakerOf(c: CompiledScenario, m: NegotiationModel): string {
  const beat = c.beats.get(m.beat)!;
  if (beat.speaker) return beat.speaker;
  return beat.phase === 'prep' ? 'Coach' : personaOf(c, m).name;
}

export function beatLine(c: CompiledScenario, m: NegotiationModel): string {
  const beat = c.beats.get(m.beat)!;
  return personaOf(c, m).lines?.[beat.id] ?? personaText(beat.line, m.personaId) ?? '';
}

/** The counterpart's reaction to the last choice, then the current beat's line. */
export function spokenLine(c: CompiledScenario, m: NegotiationModel): string {
  const line = beatLine(c, m);
  return m.reaction?.text ? `${m.reaction.text} ${line}` : line;
}
