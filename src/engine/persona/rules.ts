/**
 * The negotiation rules as pure functions of (compiled scenario, context, choice). The persona machine
 * calls them from its named actions and guards; nothing else decides what a choice does.
 */
import type { ChoiceDef } from '../scenario/schema.ts';
import { seedState } from '../rng.ts';
import { ownEntry, personaText } from '../text.ts';
import type { CompiledScenario } from './compile.ts';
import { copyModel, EMPTY_TALLY, type NegotiationContext, type NegotiationModel } from './context.ts';
import { applyAtTable } from './rules/at-table.ts';
import { clamp01, flagAntiPattern, personaOf, scriptedNext, sortedUnion, type Draft } from './rules/common.ts';
import { openingOffer } from './rules/counterpart.ts';

/** The steps of a choice at the table live in rules/, one step per file. */
export { personaOf } from './rules/common.ts';
export { counterpartAspiration, counterpartFloor, concessionExponent } from './rules/counterpart.ts';

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
    lastClaim: null,
    claimsMade: [],
    claimsTested: [],
    bluffsCaught: 0,
    factsUsed: [],
    bounds,
    estimate: c.space.priorEstimate(),
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
      ...(m.reaction?.why ? { decided: m.reaction.why } : {}),
    },
  ];
  const atTable = beat.phase !== 'prep' || (m.nextBeat !== null && !isPrepBeat(c, m.nextBeat));
  if (atTable) d.log.offers = [...d.log.offers, { turn: m.turn, theirs: value, yours: c.space.yourBest(m.bounds)?.you ?? 0 }];
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
    m.discovered = sortedUnion(
      m.discovered,
      e.reveals?.filter((id) => personaOf(c, m).signals.includes(id)),
    );
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
  if (tactic.claim !== undefined) {
    // Playing the tactic, the counterpart makes its claim: believed until the rep tests it.
    next.lastClaim = tactic.claim;
    next.claimsMade = [...m.claimsMade, tactic.claim];
  }
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
