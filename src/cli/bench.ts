import { readFileSync } from 'node:fs';
import { compileScenario, loadScenario, replayAttempt, Session, type CompiledScenario, type Scenario } from '../engine/index.ts';
import { PersonaStepper } from '../engine/persona/stepper.ts';
import { simulateRandomGame } from '../engine/analysis/simulate.ts';
import { keyMoments } from '../engine/analysis/key-moments.ts';
import { packageTable } from '../engine/analysis/package-table.ts';
import { displayPath, scenarioFiles, SCENARIO_DIR } from './scenario-files.ts';
import type { Io } from './io.ts';
import { scenarioAtLimits } from '../../tests/fixtures/at-limits.ts';

/** Runs `body` repeatedly for about `ms` milliseconds; returns iterations per second. */
function rate(ms: number, body: (i: number) => void): { perSecond: number; runs: number } {
  for (let i = 0; i < 50; i++) body(i); // warm up the JIT
  const start = performance.now();
  let runs = 0;
  while (performance.now() - start < ms) {
    for (let k = 0; k < 20; k++) body(runs++);
  }
  return { perSecond: runs / ((performance.now() - start) / 1000), runs };
}

/**
 * `walkaway bench`: engine figures on one core (this process; no rendering). Complete negotiations
 * per second through the XState-backed Session (what the game and CLI run) and through the machine's
 * table stepper (what bulk simulation and analysis run), and the time to load, validate and compile
 * every shipped scenario.
 */
export function benchCommand(io: Io, quick = false): number {
  // --quick: a short run that proves the benchmark works (for tests); the figures are then rough.
  const ms = (full: number) => (quick ? Math.min(100, full) : full);
  const files = scenarioFiles([SCENARIO_DIR]);
  const texts = files.map((f) => ({ file: displayPath(f), text: readFileSync(f, 'utf8') }));
  io.out(`walkaway engine benchmark (node ${process.version}, one core)`);

  const load = rate(ms(1500), () => {
    for (const t of texts) compileScenario(loadScenario(t.text, t.file));
  });
  io.out(`load+validate+compile all ${texts.length} scenarios: ${(1000 / load.perSecond).toFixed(2)} ms`);

  // The largest file the schema allows (target: `check` under 1 s). Timed by hand: one load takes too long for rate()'s warm-up.
  const atLimits = scenarioAtLimits();
  loadScenario(atLimits, 'at-limits.yaml');
  const rounds = quick ? 1 : 3;
  const limitsStart = performance.now();
  for (let i = 0; i < rounds; i++) loadScenario(atLimits, 'at-limits.yaml');
  io.out(`check a file at every schema limit (${Math.round(atLimits.length / 1024)} KB): ${((performance.now() - limitsStart) / rounds).toFixed(0)} ms`);

  for (const t of texts) {
    const c = compileScenario(loadScenario(t.text, t.file));
    const personas = [...c.personas.keys()];
    const stepper = new PersonaStepper(c);
    let decisions = 0;
    const fast = rate(ms(2000), (i) => {
      decisions += simulateRandomGame(stepper, c, personas[i % personas.length]!, i, i * 7 + 1).decisions;
    });
    // What bulk simulation and `analyze` run: the same rules and score, without writing the transcript.
    const scoreOnly = new PersonaStepper(c, { record: false });
    const fastest = rate(ms(2000), (i) => {
      simulateRandomGame(scoreOnly, c, personas[i % personas.length]!, i, i * 7 + 1);
    });
    const viaSession = rate(ms(1500), (i) => {
      const s = Session.create(c, personas[i % personas.length]!, i);
      let bot = i * 7 + 1;
      while (!s.isOver()) {
        const choices = s.snapshot().choices;
        bot = (Math.imul(bot, 1103515245) + 12345) >>> 0;
        s.choose(choices[bot % choices.length]!.id);
      }
      s.result();
    });
    io.out(
      `${c.scenario.id}: ${Math.round(fast.perSecond).toLocaleString('en')} negotiations/s (machine table with transcript, ${(decisions / fast.runs).toFixed(1)} decisions each); ` +
        `${Math.round(fastest.perSecond).toLocaleString('en')}/s (score only); ` +
        `${Math.round(viaSession.perSecond).toLocaleString('en')}/s (XState Session with snapshots)`,
    );
  }
  benchReplay(io, texts, quick);

  // The counterfactual debrief of one finished negotiation (what the debrief screen computes once).
  const times: number[] = [];
  for (const t of texts) {
    const c = compileScenario(loadScenario(t.text, t.file));
    const personas = [...c.personas.keys()];
    for (let i = 0; i < (quick ? 3 : 30); i++) {
      const s = Session.create(c, personas[i % personas.length]!, i);
      let bot = i * 31 + 7;
      while (!s.isOver()) {
        const choices = s.snapshot().choices;
        bot = (Math.imul(bot, 1103515245) + 12345) >>> 0;
        s.choose(choices[bot % choices.length]!.id);
      }
      const start = performance.now();
      keyMoments(c, s.personaId, s.seed, s.moves);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  io.out(
    `key moments of a finished negotiation: median ${times[times.length >> 1]!.toFixed(1)} ms, slowest ${times[times.length - 1]!.toFixed(1)} ms (${times.length} random games)`,
  );
  benchPackageTable(io, texts[0]!, quick);
  benchProposal(
    io,
    texts.map((t) => compileScenario(loadScenario(t.text, t.file))),
    quick,
  );
  const heap = process.memoryUsage();
  io.out(`heap used after benchmark: ${(heap.heapUsed / 1048576).toFixed(1)} MB`);
  return 0;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Plays one game with a seeded bot that picks among the available choices; `stay` avoids ending it early. */
function botGame(c: CompiledScenario, personaId: string, seed: number, stay = false): Session {
  const s = Session.create(c, personaId, seed);
  let bot = Math.imul(seed, 7) + 1;
  while (!s.isOver()) {
    const all = s.snapshot().choices;
    const atFinal = s.snapshot().stage === 'closing';
    const pool = stay && !atFinal ? all.filter((ch) => !ch.tags.includes('accept') && !ch.tags.includes('walk-away')) : all;
    const choices = pool.length ? pool : all;
    bot = (Math.imul(bot, 1103515245) + 12345) >>> 0;
    const accept = stay && atFinal ? all.find((ch) => ch.tags.includes('accept')) : undefined;
    s.choose((accept ?? choices[bot % choices.length]!).id);
  }
  return s;
}

/**
 * A shipped negotiation reaches its final offer within about a dozen moves. To time a 20-move record,
 * this variant of a scenario lets the counterpart wait longer and keeps the player at each table beat
 * until it calls the final offer: same rules and content, longer games.
 */
function longGameVariant(s: Scenario): Scenario {
  const stays = (b: Scenario['beats'][number]) =>
    b.phase === 'prep' || b.id === s.flow.finalOffer
      ? b
      : { ...b, choices: b.choices.map((ch) => (ch.tags.includes('accept') || ch.tags.includes('walk-away') ? ch : { ...ch, next: b.id })) };
  return { ...s, beats: s.beats.map(stays), personas: s.personas.map((p) => ({ ...p, patience: 16 })) };
}

/**
 * What stores and the workshop server pay to trust a record: rebuilding the game from it. One 20-move
 * record replayed to its scored result (median), and a room of recorded games re-verified one by one
 * on this one core (parse the stored JSON, replay, score).
 */
function benchReplay(io: Io, texts: { file: string; text: string }[], quick: boolean): void {
  const enterprise = texts.find((t) => t.file.endsWith('enterprise-deal.yaml')) ?? texts[0]!;
  const scenario = loadScenario(enterprise.text, enterprise.file);
  const long = compileScenario(longGameVariant(scenario));
  const longPersona = [...long.personas.keys()][0]!;
  let record = botGame(long, longPersona, 1, true).attempt();
  for (let seed = 2; seed < 200 && record.moves.length !== 20; seed++) {
    const r = botGame(long, longPersona, seed, true).attempt();
    if (Math.abs(r.moves.length - 20) < Math.abs(record.moves.length - 20)) record = r;
  }
  const stored = JSON.stringify(record);
  const times: number[] = [];
  const runs = quick ? 30 : 400;
  let cpu = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    if (i === runs / 5) cpu = process.cpuUsage(); // the first fifth warms the JIT up
    const start = performance.now();
    replayAttempt(long, JSON.parse(stored)).result();
    times.push(performance.now() - start);
  }
  const used = process.cpuUsage(cpu);
  const cpuEach = (used.user + used.system) / 1000 / (runs - runs / 5);
  io.out(
    `replaying a ${record.moves.length}-move attempt to its scored result: median ${median(times.slice(runs / 5)).toFixed(2)} ms ` +
      `(CPU time ${cpuEach.toFixed(2)} ms each; ${stored.length} bytes of JSON)`,
  );

  const c = compileScenario(scenario);
  const personas = [...c.personas.keys()];
  const roomSize = quick ? 100 : 500;
  const room = Array.from({ length: roomSize }, (_, i) => JSON.stringify(botGame(c, personas[i % personas.length]!, 1000 + i).attempt()));
  const verify = () => {
    const start = performance.now();
    const cpu = process.cpuUsage();
    let scored = 0;
    for (const text of room) if (replayAttempt(c, JSON.parse(text)).result()) scored += 1;
    if (scored !== room.length) throw new Error('a recorded game did not replay to its end');
    const used = process.cpuUsage(cpu);
    return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
  };
  verify(); // warm up
  const rounds = Array.from({ length: quick ? 1 : 5 }, verify);
  const moves = room.reduce((a, t) => a + (JSON.parse(t) as { moves: unknown[] }).moves.length, 0);
  // CPU time beside wall time: on a shared machine the wall clock also counts other people's work.
  io.out(
    `re-verifying a ${roomSize}-attempt workshop room by replay (${c.scenario.id}, ${(moves / roomSize).toFixed(1)} moves each): ` +
      `${median(rounds.map((r) => r.wall)).toFixed(0)} ms on one core (CPU time ${median(rounds.map((r) => r.cpu)).toFixed(0)} ms)`,
  );
}

/**
 * How long the engine takes to answer a package the rep puts on the table (the package builder waits on
 * it): the median over the shipped scenarios' personas, at the first negotiation beat, alternating the
 * rep's best package and the counterpart's.
 */
function benchProposal(io: Io, compiled: readonly CompiledScenario[], quick: boolean): void {
  const times: number[] = [];
  for (const c of compiled) {
    const best = (side: 'you' | 'them') =>
      Object.fromEntries(c.scenario.issues.map((issue) => [issue.id, [...issue.options].sort((a, b) => b[side] - a[side])[0]!.id]));
    for (const persona of c.scenario.personas) {
      for (let i = 0; i < (quick ? 2 : 11); i++) {
        const s = Session.create(c, persona.id, i + 1);
        while (!s.isOver() && !s.snapshot().canPropose) s.choose(s.snapshot().choices[0]!.id);
        if (s.isOver()) continue;
        const start = performance.now();
        s.propose(i % 2 ? best('you') : best('them'));
        times.push(performance.now() - start);
      }
    }
  }
  if (!times.length) return;
  times.sort((a, b) => a - b);
  io.out(
    `answering a proposed package: median ${times[times.length >> 1]!.toFixed(2)} ms, slowest ${times[times.length - 1]!.toFixed(1)} ms (${times.length} proposals)`,
  );
}

/** The studio's package table for 6 issues of 4 options (4,096 packages): target under 200 ms. */
function benchPackageTable(io: Io, base: { text: string; file: string }, quick: boolean): void {
  const scenario = loadScenario(base.text, base.file);
  const wide: Scenario = {
    ...scenario,
    issues: Array.from({ length: 6 }, (_, i) => ({
      id: `issue-${i}`,
      label: `Issue ${i}`,
      options: Array.from({ length: 4 }, (_, j) => ({ id: `o${j}`, label: `Option ${j}`, you: ((j * (i + 1)) % 7) + j, them: (3 - j) * (6 - i) })),
    })),
  };
  packageTable(wide);
  const times: number[] = [];
  for (let i = 0; i < (quick ? 2 : 7); i++) {
    const start = performance.now();
    packageTable(wide);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  io.out(`package table, 6 issues x 4 options (4,096 packages): median ${times[times.length >> 1]!.toFixed(0)} ms`);
}
