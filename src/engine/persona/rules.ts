import type { BeatDef, ChoiceDef, Persona, ReactionKey } from '../scenario/schema.ts';
import type { AntiPatternId } from '../vocabulary.ts';
import { nextRandom, seedState } from '../rng.ts';
import { ownEntry, personaText } from '../text.ts';
import type { CompiledScenario } from './compile.ts';
import { copyModel, EMPTY_TALLY, type NegotiationContext, type NegotiationModel } from './context.ts';
import { aspiration } from './curve.ts';
import type { Bounds, Package } from './packages.ts';
import { TUNING } from './tuning.ts';

/**
 * The negotiation rules as pure functions of (compiled scenario, context, choice). The persona machine
 * calls them from its named actions and guards; nothing else decides what a choice does.
 */

/**
 * Beliefs and goodwill are kept in hundredths. Finer grades change nothing a rep could notice, and
 * coarse grades let paths that reach the same position meet again, which keeps `analyze` exhaustive.
 */
const clamp01 = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
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
  const hardening = TUNING.learnedPressureStep * m.learnedPressure + TUNING.threatFloorStep * m.hardened;
  return Math.min(0.98, Math.max(p.batna, base + hardening));
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

/** Reactions that carry a consequence the player must hear; a choice's scripted reply never hides them. */
const CONSEQUENCES: ReadonlySet<ReactionKey> = new Set(['tradeRefused', 'bluffCalled', 'claimProven', 'proposalAccepted', 'proposalRejected', 'lastPush', 'counterpartWalks']);

function reactionText(c: CompiledScenario, p: Persona, key: ReactionKey, choice?: ChoiceDef): string {
  const own = choice?.reply !== undefined && !CONSEQUENCES.has(key) ? personaText(choice.reply, p.id) : undefined;
  return own ?? personaText(p.reactions?.[key], p.id) ?? personaText(c.scenario.reactions[key], p.id) ?? '';
}

/** A working copy of the context for one choice: copied once on entry, mutated, returned. */
interface Draft {
  m: NegotiationModel;
  log: NegotiationContext['log'];
}

/** The persona's scripted answers to the discovery items asked about, in the order asked. */
function answersTo(p: Persona, ids: string[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const a = ownEntry(p.answers, id);
    if (a !== undefined) out.push(a);
  }
  return out;
}

function flagAntiPattern(d: Draft, id: AntiPatternId, choiceId: string): void {
  if (!d.m.antiPatterns.includes(id)) d.m.antiPatterns = [...d.m.antiPatterns, id].sort();
  d.log.antiPatterns = [...d.log.antiPatterns, { id, turn: d.m.turn, choiceId }];
}

/** The beat the script reaches after `choice` if nothing interjects. */
function scriptedNext(c: CompiledScenario, m: NegotiationModel, choice: ChoiceDef): string {
  if (choice.next) return choice.next;
  if (c.interjections.has(m.beat)) return m.resume ?? c.scenario.flow.finalOffer;
  const i = c.order.get(m.beat)!;
  return c.scenario.beats[i + 1]?.id ?? c.scenario.flow.finalOffer;
}

function optionValue(c: CompiledScenario, issueId: string, optionId: string): number {
  return c.scenario.issues.find((i) => i.id === issueId)!.options.find((o) => o.id === optionId)!.you;
}

function tighten(bounds: Bounds, c: CompiledScenario, terms: Record<string, string> | undefined, side: 'give' | 'get' | 'fix'): Bounds {
  if (!terms) return bounds;
  const next: Record<string, readonly [number, number]> = { ...bounds };
  for (const [issueId, optionId] of Object.entries(terms)) {
    const you = optionValue(c, issueId, optionId);
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

/**
 * Applies one choice: preparation effects, signals and their effect on belief and credibility, claims
 * and the chance they are tested, terms given and got, the counterpart's new offer, and the outcome if
 * the negotiation ends. Sets `nextBeat`; the machine's guarded transitions decide what actually comes next.
 * Pure: the context passed in is never changed.
 */
export function applyChoice(c: CompiledScenario, ctx: NegotiationContext, choice: ChoiceDef, record = true): NegotiationContext {
  const before = ctx.model;
  const beat = c.beats.get(before.beat)!;
  const d: Draft = {
    m: copyModel(before),
    log: { ...ctx.log },
  };
  d.m.tally = { ...before.tally };
  d.m.turn = before.turn + 1;
  d.m.reaction = null;
  if (beat.phase === 'prep') applyPrep(c, d, choice);
  else applyAtTable(c, personaOf(c, before), d, beat, choice);

  const m = d.m;
  // Bulk exploration reads only the model; it skips writing the record (transcript, offers, turns).
  if (!record) return { model: m, log: ctx.log };
  const value = c.space.valueOf(m.terms);
  d.log.transcript = [
    ...d.log.transcript,
    {
      turn: m.turn,
      phase: beat.phase === 'prep' ? 'prep' : 'negotiation',
      beat: beat.id,
      speaker: speakerOf(c, before),
      line: spokenLine(c, before),
      choice: { id: choice.id, text: choice.text, tags: [...choice.tags] },
      value,
    },
  ];
  const atTable = beat.phase !== 'prep' || (m.nextBeat !== null && !isPrepBeat(c, m.nextBeat));
  if (atTable) d.log.offers = [...d.log.offers, { turn: m.turn, theirs: value, yours: c.space.frontier(m.bounds).yourBest?.you ?? 0 }];
  return { model: m, log: d.log };
}

function applyPrep(c: CompiledScenario, d: Draft, choice: ChoiceDef): void {
  const m = d.m;
  const e = choice.effect;
  if (choice.tags.includes('walk-away')) {
    m.outcome = 'walked-away';
    m.nextBeat = null;
    return;
  }
  if (e) {
    m.realBatna = clamp01(m.realBatna + (e.batna ?? 0));
    m.prepBatnaGain += Math.max(0, e.batna ?? 0);
    m.facts = sortedUnion(m.facts, e.facts);
    m.walkAway += e.walkAway ?? 0;
    m.discovered = sortedUnion(m.discovered, e.reveals?.filter((id) => personaOf(c, m).signals.includes(id)));
    m.threads ||= e.threads ?? false;
    m.prepActions += 1;
  }
  m.nextBeat = scriptedNext(c, m, choice);
  if (!isPrepBeat(c, m.nextBeat)) {
    // Sitting down at the table: what was (not) prepared is now fixed, and the counterpart opens.
    if (m.prepBatnaGain <= 0) flagAntiPattern(d, 'ignoring-batna', choice.id);
    if (c.hasThreadsAction && !m.threads) flagAntiPattern(d, 'single-threaded', choice.id);
    Object.assign(m, openingOffer(c, m));
  }
  for (const id of choice.antiPatterns ?? []) flagAntiPattern(d, id, choice.id);
}

function applyAtTable(c: CompiledScenario, p: Persona, d: Draft, beat: BeatDef, choice: ChoiceDef): void {
  const m = d.m;
  const t = m.tally;
  const tags = c.choiceTags.get(choice.id)!;
  let reaction: ReactionKey | null = null;
  let answer: string | null = null;
  const backed = (choice.backedBy ?? []).some((f) => m.facts.includes(f));

  // Ending moves.
  if (tags.has('walk-away')) {
    m.outcome = 'walked-away';
    m.nextBeat = null;
    m.pendingClaim = null;
    return;
  }
  if (tags.has('accept')) {
    m.outcome = 'deal';
    m.nextBeat = null;
    m.pendingClaim = null;
    if (c.space.valueOf(m.terms) < m.walkAway) flagAntiPattern(d, 'deal-below-walk-away', choice.id);
    if (givesNeverTrade(c, m.terms)) flagAntiPattern(d, 'signed-never-trade', choice.id);
    for (const id of choice.antiPatterns ?? []) flagAntiPattern(d, id, choice.id);
    return;
  }

  // Answering a test of a claimed alternative: only a calm stand on a real claim survives it. The answer
  // is judged here and makes no fresh claim, but a threat or a plea in it still counts below.
  const answeringTest = m.pendingClaim !== null && beat.id === c.scenario.flow.bluffTest;
  if (answeringTest && m.pendingClaim) {
    const standsFirm = tags.has('hold') || tags.has('batna:strong') || tags.has('claim:alternative');
    const backsDown = tags.has('batna:weak') || tags.has('concede') || !standsFirm;
    if (m.pendingClaim.bluff || backsDown) {
      m.credibility = clamp01(m.credibility * TUNING.bluffCalledCredibility);
      m.belief = clamp01(Math.min(m.belief - m.pendingClaim.gain, m.realBatna * 0.5));
      m.learnedPressure += 1;
      t.bluffsCalled += 1;
      reaction = 'bluffCalled';
    } else {
      m.credibility = clamp01(m.credibility + TUNING.claimProvenCredibility);
      m.belief = clamp01(m.belief + 0.1 * p.sensitivity);
      reaction = 'claimProven';
    }
    m.pendingClaim = null;
  }

  // Signals about the player's alternative.
  if (tags.has('batna:weak')) {
    m.belief = clamp01(m.belief - TUNING.weakSignal * p.sensitivity);
    t.weakSignals += 1;
    flagAntiPattern(d, 'revealing-desperation', choice.id);
    if (!answeringTest) reaction = 'signalWeak';
  }
  if (tags.has('pace:panic')) {
    m.belief = clamp01(m.belief - TUNING.panicSignal * p.sensitivity);
    t.panics += 1;
    flagAntiPattern(d, 'end-of-quarter-panic', choice.id);
    if (!answeringTest) reaction = 'signalWeak';
  }
  const claims = !answeringTest && (tags.has('claim:alternative') || tags.has('threat') || (tags.has('batna:strong') && choice.backedBy !== undefined));
  if (!answeringTest && tags.has('batna:strong') && !tags.has('claim:alternative') && !tags.has('threat') && (backed || choice.backedBy === undefined)) {
    // Calm strength moves them as far as the preparation behind it is real.
    m.belief = clamp01(m.belief + TUNING.strongSignal * p.sensitivity * m.credibility * (0.3 + 0.7 * m.realBatna) * (1 - m.belief));
    t.strongSignals += 1;
    reaction = 'signalStrong';
  }
  if (claims) {
    const bluff = !backed;
    // A threat says nothing new about the alternative (loud is not credible), so it moves no belief;
    // an unbacked one is still a bluff that can be called.
    const gain = tags.has('threat') && !tags.has('claim:alternative') ? 0 : clamp01(TUNING.claimSignal * p.sensitivity * m.credibility * (1 - m.belief));
    m.belief = clamp01(m.belief + gain);
    if (bluff) {
      t.bluffs += 1;
      flagAntiPattern(d, 'bluffing', choice.id);
    } else {
      t.backedClaims += 1;
      if (!tags.has('threat')) t.strongSignals += 1;
    }
    reaction = 'signalStrong';
    const testChance = p.skepticism * (bluff ? 1 : TUNING.backedTestShare);
    if (c.scenario.flow.bluffTest && !m.claimTested) {
      const r = nextRandom(m.rng);
      m.rng = r.state;
      if (r.value < testChance) {
        m.pendingClaim = { bluff, gain };
        m.claimTested = true;
      }
    }
  }
  if (tags.has('threat')) {
    m.trust = clamp01(m.trust - TUNING.threatTrustCost);
    m.hardened += 1;
    t.threats += 1;
    flagAntiPattern(d, 'threatening', choice.id);
    if (!answeringTest) reaction = 'threatened';
  }
  if (tags.has('pace:pause')) {
    m.clock += 1;
    m.belief = clamp01(m.belief + TUNING.pauseSignal * p.sensitivity * m.credibility);
    reaction ??= 'paused';
  }

  // Discovery.
  if (choice.reveals?.length) {
    m.discovered = sortedUnion(m.discovered, choice.reveals.filter((id) => p.signals.includes(id)));
    t.asks += 1;
    // They answer with what is true of them (up to two things); only if nothing asked about is true do
    // they say what is not.
    const truths = answersTo(p, choice.reveals.filter((id) => p.signals.includes(id))).slice(0, 2);
    answer = truths.length ? truths.join(' ') : (answersTo(p, choice.reveals)[0] ?? null);
    reaction ??= 'answered';
  } else if (tags.has('ask:batna')) {
    t.asks += 1;
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
      m.bounds = proposed;
      t.gives += 1;
      if (givesNeverTrade(c, choice.give)) t.neverTradeGiven += 1;
      if (choice.get) {
        m.trust = clamp01(m.trust + TUNING.tradeTrustGain);
        t.trades += 1;
        reaction = 'traded';
      } else {
        m.learnedPressure += 1;
        m.belief = clamp01(m.belief - TUNING.concessionSignal * p.sensitivity);
        t.freeGives += 1;
        flagAntiPattern(d, 'concession-without-trade', choice.id);
        reaction = 'conceded';
      }
    }
  }
  if (choice.propose) {
    const proposed = tighten(m.bounds, c, choice.propose, 'fix');
    const level = counterpartAspiration(p, { ...m, clock: m.clock + 1 }) - TUNING.proposalSlack;
    if (c.space.frontier(proposed).offerAt(level)) {
      m.bounds = proposed;
      t.proposalsAccepted += 1;
      reaction = 'proposalAccepted';
    } else reaction = 'proposalRejected';
  }
  if (tags.has('hold')) {
    t.holds += 1;
    reaction ??= 'held';
  }
  for (const id of choice.antiPatterns ?? []) flagAntiPattern(d, id, choice.id);

  // The counterpart's clock moves on and it answers with a new offer.
  m.clock += 1;
  if (beat.id === c.scenario.flow.finalOffer) {
    // At the final offer, anything but accepting or walking is a last push. A credible player may get
    // one small step more; otherwise the counterpart leaves.
    const pushes = tags.has('hold') || tags.has('batna:strong') || tags.has('pace:pause') || tags.has('walk-to');
    const canPush = pushes && m.belief >= TUNING.lastPushBelief;
    if (m.closingRounds === 0 && (canPush || reaction === 'proposalAccepted')) {
      const level = Math.max(p.batna, counterpartFloor(p, m) - (canPush ? TUNING.lastPushStep : 0));
      Object.assign(m, withOffer(c, m, level));
      m.closingRounds = 1;
      if (reaction !== 'proposalAccepted') reaction = 'lastPush';
    } else {
      m.outcome = 'counterpart-walked';
      reaction = 'counterpartWalks';
    }
  } else {
    Object.assign(m, withOffer(c, m, counterpartAspiration(p, m)));
  }
  if (m.trust <= 1e-9 && !m.outcome) {
    m.outcome = 'counterpart-walked';
    reaction = 'counterpartWalks';
  }

  const text = reaction === 'answered' && answer ? answer : reaction ? reactionText(c, p, reaction, choice) : '';
  m.reaction = reaction ? { key: reaction, text } : null;
  m.nextBeat = m.outcome ? null : scriptedNext(c, m, choice);
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

/** Moves to a beat; `resume` is where an interjection hands back to the script (none for script beats). */
export function enterBeat(m: NegotiationModel, beat: string, resume: string | null = null): NegotiationModel {
  const next = copyModel(m);
  next.beat = beat;
  next.nextBeat = null;
  next.resume = resume;
  return next;
}

export function enterTactic(c: CompiledScenario, m: NegotiationModel): NegotiationModel {
  const i = dueTactic(c, m);
  const tactic = personaOf(c, m).tactics[i]!;
  const next = enterBeat(m, tactic.beat, m.nextBeat);
  next.tacticsUsed = [...m.tacticsUsed, i];
  return next;
}

// ---- What the player sees ----

export function speakerOf(c: CompiledScenario, m: NegotiationModel): string {
  const beat = c.beats.get(m.beat)!;
  if (beat.speaker) return beat.speaker;
  return beat.phase === 'prep' ? 'Coach' : personaOf(c, m).name;
}

export function beatLine(c: CompiledScenario, m: NegotiationModel): string {
  const beat = c.beats.get(m.beat)!;
  return ownEntry(personaOf(c, m).lines, beat.id) ?? personaText(beat.line, m.personaId) ?? '';
}

/** The counterpart's reaction to the last choice, then the current beat's line. */
export function spokenLine(c: CompiledScenario, m: NegotiationModel): string {
  const line = beatLine(c, m);
  return m.reaction?.text ? `${m.reaction.text} ${line}` : line;
}
