import { compileScenario, loadScenario, OUTCOMES, ScenarioError, Session, type Scenario } from '../../src/engine/index.ts';

/** Longest game the properties accept: every persona runs out of patience well before this. */
export const MAX_MOVES = 200;

/**
 * Problems of the file as a whole, which have no field to name (syntax, size, nesting, aliases, not a
 * mapping), and unknown keys, which the message names (an empty key, `: value`, has the empty path: the
 * loader reports it as `unknown field ""`). Every other problem must name its field.
 */
const NAMED_IN_MESSAGE =
  /^(YAML syntax|YAML alias|too many aliases|a scenario file is|the file is too|nested more than|could not read this file|unknown field ")/;

/**
 * The loader's contract on any text: a Scenario, or a ScenarioError whose every problem names this file,
 * a line and column in it, and the field (except for problems of the file as a whole). Returns the
 * scenario or null; throws a plain Error describing a broken contract.
 */
export function loadOrRefuse(name: string, text: string): Scenario | null {
  let scenario: Scenario;
  try {
    scenario = loadScenario(text, name);
  } catch (e) {
    if (!(e instanceof ScenarioError))
      throw new Error(`the loader threw ${(e as Error)?.name ?? typeof e} instead of a ScenarioError: ${(e as Error)?.message ?? String(e)}`);
    if (e.problems.length === 0) throw new Error('a ScenarioError with no problems');
    const lineCount = text.split('\n').length;
    for (const p of e.problems) {
      const where = `${p.file}:${p.line}:${p.col} ${p.path} ${p.message}`;
      if (p.file !== name) throw new Error(`a problem names another file: ${where}`);
      if (!Number.isInteger(p.line) || p.line < 1 || p.line > lineCount + 1) throw new Error(`a problem has no line in the file: ${where}`);
      if (!Number.isInteger(p.col) || p.col < 1) throw new Error(`a problem has no column: ${where}`);
      if (!p.message.trim()) throw new Error(`a problem has no message: ${where}`);
      // A YAML syntax problem (shown with its source line) comes before any field exists.
      if (!p.path && p.source === undefined && !NAMED_IN_MESSAGE.test(p.message)) throw new Error(`a problem names no field: ${where}`);
    }
    return null;
  }
  return scenario;
}

export interface PlayedGame {
  personaId: string;
  moves: number;
  outcome: string;
  total: number;
}

/**
 * Plays an accepted scenario from every persona, picking choices by the given sequence (cycled), and
 * checks each game ends with a result whose scores are finite and in range. Throws on a broken rule.
 */
export function playEveryPersona(scenario: Scenario, picks: readonly number[], seed = 1): PlayedGame[] {
  const compiled = compileScenario(scenario);
  return scenario.personas.map((persona) => {
    const session = Session.create(compiled, persona.id, seed);
    let moves = 0;
    while (!session.isOver()) {
      const choices = session.snapshot().choices;
      if (choices.length === 0) throw new Error(`${persona.id}: no choice offered at move ${moves} and the game is not over`);
      session.choose(choices[picks[moves % picks.length]! % choices.length]!.id);
      if (++moves > MAX_MOVES) throw new Error(`${persona.id}: still going after ${MAX_MOVES} moves`);
    }
    const result = session.result();
    if (!result) throw new Error(`${persona.id}: over, but no result`);
    if (!(OUTCOMES as readonly string[]).includes(result.outcome)) throw new Error(`${persona.id}: unknown outcome ${result.outcome}`);
    const { total } = result.score;
    if (!Number.isFinite(total) || total < 0 || total > 100) throw new Error(`${persona.id}: total score ${total}`);
    for (const [id, d] of Object.entries(result.score.dimensions)) {
      if (!Number.isFinite(d.score) || d.score < 0 || d.score > d.max) throw new Error(`${persona.id}: ${id} scores ${d.score} of ${d.max}`);
    }
    for (const v of [result.value, result.walkAwayValue, result.bestOffer]) if (!Number.isFinite(v)) throw new Error(`${persona.id}: a value is ${v}`);
    return { personaId: persona.id, moves, outcome: result.outcome, total };
  });
}
