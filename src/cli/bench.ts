import { readFileSync } from 'node:fs';
import { compileScenario, loadScenario, Session } from '../engine/index.ts';
import { PersonaStepper } from '../engine/persona/stepper.ts';
import { simulateRandomGame } from '../engine/analysis/simulate.ts';
import { keyMoments } from '../engine/analysis/key-moments.ts';
import { displayPath, scenarioFiles, SCENARIO_DIR } from './scenario-files.ts';
import type { Io } from './io.ts';

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
  io.out(`key moments of a finished negotiation: median ${times[times.length >> 1]!.toFixed(1)} ms, slowest ${times[times.length - 1]!.toFixed(1)} ms (${times.length} random games)`);
  const heap = process.memoryUsage();
  io.out(`heap used after benchmark: ${(heap.heapUsed / 1048576).toFixed(1)} MB`);
  return 0;
}
