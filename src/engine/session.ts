import { createActor, type Actor } from 'xstate';
import type { Scenario } from './scenario/schema.ts';
import type { Outcome } from './vocabulary.ts';
import { compileScenario, type CompiledScenario } from './persona/compile.ts';
import type { NegotiationContext, OfferPoint, TranscriptEntry } from './persona/context.ts';
import { createPersonaMachine, OUTCOME_OF_STATE, type PersonaMachine, type PhaseState } from './persona/machine.ts';
import { availableChoices, beatLine, personaOf, speakerOf, spokenLine } from './persona/rules.ts';
import { canPropose, isWholePackage } from './persona/rules/proposal.ts';
import { debriefFigures, packageWorth, valueUnit, type DebriefFigures, type PackageWorth } from './persona/worth.ts';
import { personaText } from './text.ts';
import { presentationOrder } from './choice-order.ts';
import { antiPatternHits, scoreNegotiation, type AntiPatternHit, type Score } from './scoring/score.ts';
import { ATTEMPT_FORMAT, encodePackage, type AttemptMode, type AttemptRecord, type Move } from './attempt-record.ts';

export type Mood = 'neutral' | 'pleased' | 'skeptical' | 'annoyed' | 'pressing';

export interface ChoiceView {
  id: string;
  text: string;
  tags: string[];
  /** Why this move helps or hurts (prep actions show it up front; the debrief shows it afterwards). */
  explain?: string;
}

export interface TermView {
  issue: string;
  issueLabel: string;
  option: string;
  optionLabel: string;
  /** What this option is worth to the player. */
  value: number;
  /** Whether `value` is money in the scenario's unit (`moneyUnit`); otherwise it is points. */
  money: boolean;
}

/** An issue as the package builder shows it: every option and what it is worth to the rep. */
export interface IssueView {
  id: string;
  label: string;
  money: boolean;
  options: { id: string; label: string; value: number }[];
}

/** Everything a view needs to draw one turn. */
export interface SessionSnapshot {
  scenarioId: string;
  personaId: string;
  /** Decisions taken so far (prep included); the next decision is turn + 1. */
  turn: number;
  phase: 'prep' | 'negotiation';
  /** The persona machine's state: prep, opening, discovery, bargaining, pressing, escalating, testing, closing, or a final state. */
  stage: PhaseState;
  mood: Mood;
  speaker: string;
  /** The reaction to the last choice followed by the current line: what is said now. */
  line: string;
  reaction: string | null;
  prompt: string;
  hint: string | null;
  terms: Record<string, string>;
  termsView: TermView[];
  value: number;
  walkAwayValue: number;
  target: number;
  /** Unit of value, walk-away and target: the scenario's money unit when every issue is money, else "points". */
  unit: string;
  /** The scenario's unit of money, for the terms of issues marked as money. */
  moneyUnit: string;
  /** How skeptical the counterpart is of claims (from the persona, shown in the briefing): low, moderate or high. */
  skepticism: 'low' | 'moderate' | 'high';
  /** The counterpart's last claim (what a test:claim choice tests), if it has made one. */
  theirClaim: string | null;
  /** What decided the counterpart's last reaction, when it was a consequence (a test, a push, a proposal). */
  why: string | null;
  /** Whether the rep may put a package of their own on the table now (`Session.propose`). */
  canPropose: boolean;
  /** The issues and their options, for composing a package. */
  issues: IssueView[];
  /** Negotiation turns on the counterpart's clock, and its patience (the deadline). */
  clock: number;
  deadline: number;
  facts: string[];
  discovered: string[];
  choices: ChoiceView[];
  over: boolean;
}

export interface SessionResult {
  outcome: Outcome;
  value: number;
  walkAwayValue: number;
  target: number;
  unit: string;
  bestOffer: number;
  /** Money figures in the signed terms (issues marked as money), in `moneyUnit`. */
  moneyUnit: string;
  /** Value created, value left on the table, claims and unused leverage, for the debrief. */
  figures: DebriefFigures;
  score: Score;
  antiPatterns: AntiPatternHit[];
  offers: OfferPoint[];
  transcript: TranscriptEntry[];
}

export class UnknownChoiceError extends Error {
  readonly choiceId: string;
  readonly available: string[];
  constructor(choiceId: string, available: string[]) {
    super(`no choice "${choiceId}" here; choose one of: ${available.join(', ')}`);
    this.name = 'UnknownChoiceError';
    this.choiceId = choiceId;
    this.available = available;
  }
}

const REACTION_MOOD: Record<string, Mood> = {
  threatened: 'annoyed',
  tradeRefused: 'annoyed',
  bluffCalled: 'annoyed',
  proposalRejected: 'skeptical',
  counterpartWalks: 'annoyed',
  traded: 'pleased',
  proposalAccepted: 'pleased',
  claimProven: 'pleased',
  conceded: 'pleased',
  signalWeak: 'pleased',
  lastPush: 'pressing',
  signalStrong: 'skeptical',
};

/**
 * One negotiation: the single API the browser game, the CLI, the tests and the benchmarks drive.
 * Same scenario, persona, seed and choices give the same transcript and score everywhere.
 */
export class Session {
  readonly compiled: CompiledScenario;
  readonly personaId: string;
  readonly seed: number;
  readonly mode: AttemptMode;
  private readonly actor: Actor<PersonaMachine>;
  /** Every move made so far, as the attempt record writes them. */
  private readonly played: Move[] = [];
  /** Move numbers taken back in coach mode (see training/take-back.ts); carried into the record. */
  private readonly takenBack: number[] = [];

  private constructor(compiled: CompiledScenario, personaId: string, seed: number, mode: AttemptMode) {
    this.compiled = compiled;
    this.personaId = personaId;
    this.seed = seed;
    this.mode = mode;
    this.actor = createActor(machineFor(compiled), { input: { personaId, seed } });
    this.actor.start();
  }

  /**
   * A new negotiation. A game in progress is never restored from a stored state: it is rebuilt by
   * replaying its attempt record (`replayAttempt` in attempt.ts).
   */
  static create(scenario: Scenario | CompiledScenario, personaId: string, seed = 1, mode: AttemptMode = 'practice'): Session {
    const compiled = 'space' in scenario ? scenario : compileScenario(scenario);
    if (!compiled.personas.has(personaId)) {
      throw new Error(`unknown persona "${personaId}"; scenario "${compiled.scenario.id}" has: ${[...compiled.personas.keys()].join(', ')}`);
    }
    return new Session(compiled, personaId, seed, mode);
  }

  private get state() {
    return this.actor.getSnapshot();
  }

  get context(): NegotiationContext {
    return this.state.context;
  }

  isOver(): boolean {
    return this.state.status === 'done';
  }

  snapshot(): SessionSnapshot {
    const c = this.compiled;
    const s = this.state;
    const m = s.context.model;
    const beat = c.beats.get(m.beat)!;
    const p = personaOf(c, m);
    const stage = s.value as PhaseState;
    const over = s.status === 'done';
    const moodTag = [...s.tags].find((t) => t.startsWith('mood:'))?.slice(5) as Mood | undefined;
    const mood = (!over && m.reaction ? REACTION_MOOD[m.reaction.key] : undefined) ?? moodTag ?? 'neutral';
    return {
      scenarioId: c.scenario.id,
      personaId: this.personaId,
      turn: m.turn,
      phase: beat.phase === 'prep' && stage === 'prep' ? 'prep' : 'negotiation',
      stage,
      mood,
      speaker: over ? p.name : speakerOf(c, m),
      line: over ? (m.reaction?.text ?? '') : spokenLine(c, m),
      reaction: m.reaction?.text || null,
      prompt: over ? '' : beatLine(c, m),
      // Hints are coaching: practice and assessment games never see them.
      hint: over || this.mode !== 'coach' ? null : (personaText(beat.hint, p.id) ?? null),
      terms: { ...m.terms },
      termsView: c.scenario.issues.map((issue) => {
        const option = issue.options.find((o) => o.id === m.terms[issue.id])!;
        return { issue: issue.id, issueLabel: issue.label, option: option.id, optionLabel: option.label, value: option.you, money: issue.money === true };
      }),
      value: c.space.valueOf(m.terms),
      walkAwayValue: m.walkAway,
      target: c.scenario.target,
      unit: valueUnit(c),
      moneyUnit: c.scenario.unit,
      skepticism: p.skepticism >= 0.67 ? 'high' : p.skepticism >= 0.34 ? 'moderate' : 'low',
      theirClaim: !over && m.lastClaim !== null && !m.claimsTested.includes(m.lastClaim) ? (p.claims.find((cl) => cl.id === m.lastClaim)?.text ?? null) : null,
      why: m.reaction?.why ?? null,
      canPropose: !over && canPropose(c, m),
      issues: c.scenario.issues.map((issue) => ({
        id: issue.id,
        label: issue.label,
        money: issue.money === true,
        options: issue.options.map((o) => ({ id: o.id, label: o.label, value: o.you })),
      })),
      clock: m.clock,
      deadline: p.patience,
      facts: [...m.facts],
      discovered: [...m.discovered],
      choices: presentationOrder(availableChoices(c, m), this.seed, m.turn).map((ch) => ({
        id: ch.id,
        text: ch.text,
        tags: [...ch.tags],
        ...(ch.explain ? { explain: ch.explain } : {}),
      })),
      over,
    };
  }

  /** Makes a choice by id. Throws UnknownChoiceError (and changes nothing) if it is not available now. */
  choose(choiceId: string): SessionSnapshot {
    const available = availableChoices(this.compiled, this.state.context.model).map((c) => c.id);
    if (!available.includes(choiceId)) throw new UnknownChoiceError(choiceId, available);
    this.actor.send({ type: 'CHOOSE', choiceId });
    this.played.push(choiceId);
    return this.snapshot();
  }

  /**
   * Puts a whole package on the table (one option per issue). Throws UnknownChoiceError (and changes
   * nothing) when no package can be proposed at this point of the negotiation.
   */
  propose(terms: Readonly<Record<string, string>>): SessionSnapshot {
    const c = this.compiled;
    const move = encodePackage(c, terms);
    const m = this.state.context.model;
    if (!canPropose(c, m) || !isWholePackage(c, terms)) {
      throw new UnknownChoiceError(
        `propose:${move.join('.')}`,
        availableChoices(c, m).map((ch) => ch.id),
      );
    }
    // Only the issues' own options, in issue order: nothing else of the caller's object is kept.
    const clean: Record<string, string> = {};
    for (const issue of c.scenario.issues) clean[issue.id] = terms[issue.id]!;
    this.actor.send({ type: 'PROPOSE', terms: clean });
    this.played.push(move);
    return this.snapshot();
  }

  /** What a package is worth to the rep, against the walk-away and the target (for the package builder). */
  worth(terms: Readonly<Record<string, string>>): PackageWorth {
    return packageWorth(this.compiled, this.state.context.model, terms);
  }

  /** Notes that move `n` was taken back before this session was rebuilt without it. */
  noteTakeBack(n: number): void {
    this.takenBack.push(n);
  }

  /** Move numbers taken back so far (coach mode). */
  get takeBacks(): readonly number[] {
    return this.takenBack;
  }

  /** The moves made so far, in order. */
  get moves(): readonly Move[] {
    return this.played;
  }

  /** The attempt record of this negotiation so far: all anything needs to store. */
  attempt(): AttemptRecord {
    return {
      format: ATTEMPT_FORMAT,
      scenarioId: this.compiled.scenario.id,
      fingerprint: this.compiled.fingerprint,
      personaId: this.personaId,
      seed: this.seed,
      mode: this.mode,
      moves: this.played.map((m) => (typeof m === 'string' ? m : [...m])),
      ...(this.takenBack.length ? { takeBacks: [...this.takenBack] } : {}),
    };
  }

  /** The scored debrief, once the negotiation is over; null before. */
  result(): SessionResult | null {
    const s = this.state;
    const outcome = OUTCOME_OF_STATE[s.value as PhaseState];
    if (!outcome) return null;
    const c = this.compiled;
    const m = s.context.model;
    return {
      outcome,
      value: outcome === 'deal' ? c.space.valueOf(m.terms) : 0,
      walkAwayValue: m.walkAway,
      target: c.scenario.target,
      unit: valueUnit(c),
      bestOffer: Number.isFinite(m.bestOffer) ? m.bestOffer : 0,
      moneyUnit: c.scenario.unit,
      figures: debriefFigures(c, m, outcome),
      score: scoreNegotiation(c, m, outcome),
      antiPatterns: antiPatternHits(s.context.log),
      offers: s.context.log.offers,
      transcript: s.context.log.transcript,
    };
  }
}

const machines = new WeakMap<CompiledScenario, PersonaMachine>();
/** One machine per compiled scenario, shared by its sessions. */
function machineFor(c: CompiledScenario): PersonaMachine {
  let m = machines.get(c);
  if (!m) {
    m = createPersonaMachine(c);
    machines.set(c, m);
  }
  return m;
}
