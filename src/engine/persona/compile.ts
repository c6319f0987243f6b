import type { BeatDef, ChoiceDef, Persona, Scenario } from '../scenario/schema.ts';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { PackageSpace } from './packages.ts';

/**
 * A scenario made ready to play: indexes over its script and the package space of its issues. Immutable
 * content (like an ink Story); everything that changes during play lives in the session context.
 */
export interface CompiledScenario {
  scenario: Scenario;
  beats: Map<string, BeatDef>;
  interjections: Set<string>;
  /** The beat each choice belongs to. */
  choiceBeat: Map<string, BeatDef>;
  choices: Map<string, ChoiceDef>;
  /** Each choice's tags as a set, built once (the rules test tags on every turn). */
  choiceTags: Map<string, ReadonlySet<string>>;
  /** Script order of the main beats, for "next in the list". */
  order: Map<string, number>;
  firstBeat: string;
  personas: Map<string, Persona>;
  space: PackageSpace;
  /** Whether any prep action puts more than one thread in play (then skipping all of them is single-threaded). */
  hasThreadsAction: boolean;
  /** Discovery items that read weak for the counterpart (uncovering them exposes its alternative). */
  weakSignals: ReadonlySet<string>;
  /** SHA-256 of the validated scenario (hex): attempt records carry it to spot a record played on another version. */
  fingerprint: string;
}

export function compileScenario(scenario: Scenario): CompiledScenario {
  const beats = new Map<string, BeatDef>();
  const choiceBeat = new Map<string, BeatDef>();
  const choices = new Map<string, ChoiceDef>();
  const order = new Map<string, number>();
  scenario.beats.forEach((b, i) => {
    beats.set(b.id, b);
    order.set(b.id, i);
  });
  for (const b of scenario.interjections) beats.set(b.id, b);
  for (const b of beats.values())
    for (const c of b.choices) {
      choiceBeat.set(c.id, b);
      choices.set(c.id, c);
    }
  return {
    scenario,
    beats,
    interjections: new Set(scenario.interjections.map((b) => b.id)),
    choiceBeat,
    choices,
    choiceTags: new Map([...choices].map(([id, c]) => [id, new Set(c.tags)])),
    order,
    firstBeat: scenario.beats[0]!.id,
    personas: new Map(scenario.personas.map((p) => [p.id, p])),
    space: new PackageSpace(scenario.issues),
    hasThreadsAction: scenario.beats.some((b) => b.choices.some((c) => c.effect?.threads)),
    weakSignals: new Set(scenario.discovery.filter((d) => d.reads === 'weak').map((d) => d.id)),
    fingerprint: fingerprint(JSON.stringify(scenario)),
  };
}

/** SHA-256 of the validated scenario's canonical JSON, as hex (pure JS: the engine stays free of Node and DOM). */
export function fingerprint(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
