import type { AttemptMode, Session, SessionResult, SessionSnapshot } from '../../engine/index.ts';
import type { PathStep, RecordEntry } from '../../engine/training/index.ts';
import type { SoundId } from '../audio/sound-ids.ts';
import type { ScenarioEntry } from '../scenario/catalog.ts';
import { newSlotId } from '../storage/game-slots.ts';
import { engine } from './engine-loader.ts';

const MOOD_STINGS: Partial<Record<SessionSnapshot['mood'], SoundId>> = {
  pleased: 'sting-pleased',
  skeptical: 'sting-skeptical',
  annoyed: 'sting-annoyed',
  pressing: 'sting-pressing',
};

/** Where a running game came from: which slot holds it, the path step it plays, what it retries. */
export interface GameOrigin {
  slotId: string;
  startedAt: string;
  pathStep: PathStep | null;
  retry: { of: string; fromTurn: number } | null;
}

export interface RunnerHooks {
  /** After every move of a game still in progress (saving it). */
  moved(runner: SessionRunner): void;
  /** Once, when a game ends (recording it). */
  finished(runner: SessionRunner): void;
  play(id: SoundId): void;
}

/**
 * The negotiation being played or watched: its scenario entry, the engine session, and where it came
 * from. Only carries the session; every negotiation decision is the engine's.
 */
export class SessionRunner {
  entry: ScenarioEntry | null = null;
  session: Session | null = null;
  origin: GameOrigin | null = null;
  /** The practice record entry on screen: the game just finished, or a past one being re-watched. */
  recordId: string | null = null;
  /** True while a past game is shown (nothing is saved or recorded). */
  watching = false;
  private readonly hooks: RunnerHooks;

  constructor(hooks: RunnerHooks) {
    this.hooks = hooks;
  }

  /** Starts a fresh negotiation. */
  start(entry: ScenarioEntry, personaId: string, mode: AttemptMode, seed: number, pathStep: PathStep | null = null): Session {
    return this.run(entry, engine().Session.create(entry.compiled, personaId, seed, mode), { slotId: newSlotId(), startedAt: now(), pathStep, retry: null });
  }

  /** "Try again from turn N" of a recorded game: its first N moves replayed, then the rep's own road. */
  retry(entry: ScenarioEntry, record: RecordEntry, turn: number, pathStep: PathStep | null = null): Session {
    const session = engine().retryFromTurn(entry.compiled, record.attempt, turn);
    return this.run(entry, session, {
      slotId: newSlotId(),
      startedAt: now(),
      pathStep,
      retry: { of: record.retryOf ?? record.id, fromTurn: session.moves.length },
    });
  }

  /** Continues a game rebuilt by replaying its saved record. */
  resume(entry: ScenarioEntry, session: Session, origin: GameOrigin): void {
    this.entry = entry;
    this.session = session;
    this.origin = origin;
    this.recordId = null;
    this.watching = false;
  }

  /** Shows a finished game from the record (replayed by the caller). */
  watch(entry: ScenarioEntry, session: Session, recordId: string, pathStep: PathStep | null): void {
    this.entry = entry;
    this.session = session;
    this.origin = { slotId: '', startedAt: '', pathStep, retry: null };
    this.recordId = recordId;
    this.watching = true;
  }

  private run(entry: ScenarioEntry, session: Session, origin: GameOrigin): Session {
    this.entry = entry;
    this.session = session;
    this.origin = origin;
    this.recordId = null;
    this.watching = false;
    this.hooks.moved(this);
    return session;
  }

  /** Sends the player's choice to the engine, plays the cues for what changed, then saves or records. */
  choose(choiceId: string): SessionSnapshot {
    const session = this.requireSession();
    const before = session.snapshot();
    const after = session.choose(choiceId);
    this.hooks.play(before.phase === 'prep' ? 'prep-tick' : 'choice');
    const sting = MOOD_STINGS[after.mood];
    if (!after.over && after.mood !== before.mood && sting) this.hooks.play(sting);
    if (after.over) this.hooks.finished(this);
    else this.hooks.moved(this);
    return after;
  }

  /** Puts the rep's own package on the table (the package builder): cues and saving as for a choice. */
  propose(terms: Readonly<Record<string, string>>): SessionSnapshot {
    const session = this.requireSession();
    const before = session.snapshot();
    const after = session.propose(terms);
    this.hooks.play('choice');
    const sting = MOOD_STINGS[after.mood];
    if (!after.over && after.mood !== before.mood && sting) this.hooks.play(sting);
    if (after.over) this.hooks.finished(this);
    else this.hooks.moved(this);
    return after;
  }

  canTakeBack(): boolean {
    return !!this.session && !this.watching && engine().canTakeBack(this.session);
  }

  /** Coach mode: back to the turn before the last move (rebuilt by replay), and saved. */
  takeBack(): SessionSnapshot {
    const session = this.requireSession();
    this.session = engine().takeBack(this.entry!.compiled, session);
    this.hooks.play('choice');
    this.hooks.moved(this);
    return this.session.snapshot();
  }

  snapshot(): SessionSnapshot | null {
    return this.session?.snapshot() ?? null;
  }

  result(): SessionResult | null {
    return this.session?.result() ?? null;
  }

  requireSession(): Session {
    if (!this.session) throw new Error('no negotiation is running');
    return this.session;
  }
}

function now(): string {
  return new Date().toISOString();
}
