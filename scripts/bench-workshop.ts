/**
 * Workshop load figures: `npx tsx scripts/bench-workshop.ts [--reps N] [--think MS]` (part of `npm run bench`).
 *
 * 1. One server process on embedded PostgreSQL (PGlite): N simulated reps (default 500) join one room
 *    at once and play complete games concurrently over the real HTTP protocol, each running the engine
 *    itself as a browser would, pausing a random think time (default 200-1,000 ms) between choices.
 *    A projector holds the live stream (server-sent events). Reports joins/s, choice round-trip p50/p99,
 *    the server's CPU and peak memory, and how long after the last result the projector showed it.
 * 2. The same with two server processes sharing one PostgreSQL (a throwaway cluster on loopback): reps
 *    alternate between the two, the projector listens on the second, and both servers' views must agree.
 *
 * Each server prints on exit (stderr) the time it spent handling a move (p50/p99) and its event-loop
 * delay, which separates the server's own latency from waiting on an overloaded machine.
 *
 * `--postgres-only` runs the second part alone.
 *
 * Bounded: each phase stops after 300 s whatever happens (and says how many reps finished); N is at most 1,000.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Agent, type Dispatcher } from 'undici';
import { Session, type SessionSnapshot } from '../src/engine/index.ts';
import { RoomClient, RoomRequestError } from '../src/server/client.ts';
import { shippedCatalog } from '../src/server/scenarios.ts';
import { startPostgres } from '../tests/server/postgres-cluster.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const REPS = Math.min(1000, arg('reps', 500));
const THINK_MS = arg('think', 600);
const PHASE_LIMIT_MS = 300_000;
const catalog = shippedCatalog();

interface ServerProc {
  url: string;
  pid: number;
  child: ChildProcess;
}

async function startServer(env: Record<string, string>): Promise<ServerProc> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/bench-workshop-server.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
  const { url, pid } = JSON.parse(line) as { url: string; pid: number };
  return { url, pid, child };
}

async function stopServer(s: ServerProc): Promise<void> {
  const done = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  await done;
}

/** CPU seconds (user + system) and memory of a process, from /proc. */
function usage(pid: number): { cpuS: number; rssMb: number; peakMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { cpuS: ticks / 100, rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

function pick(s: SessionSnapshot, rnd: () => number): string {
  const accept = s.choices.find((c) => c.tags.includes('accept'));
  if (accept && (s.stage === 'closing' || s.turn > 12) && s.value >= s.walkAwayValue) return accept.id;
  if (s.turn > 16 && accept) return accept.id;
  return s.choices[Math.floor(rnd() * s.choices.length)]!.id;
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

/** Reads the projector's live stream; resolves when a view shows `want` finished reps. */
function watchProjector(url: string, code: string, secret: string, want: number, signal: AbortSignal): Promise<number> {
  return (async () => {
    const res = await fetch(`${url}/api/rooms/${code}/events?secret=${secret}`, { signal });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the live stream closed');
      buffer += value;
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = event.split('\n').find((l) => l.startsWith('data: '));
        if (!event.startsWith('event: view') || !data) continue;
        const view = JSON.parse(data.slice(6)) as { reps: { over: boolean }[] };
        if (view.reps.filter((r) => r.over).length >= want) {
          const at = performance.now();
          await reader.cancel().catch(() => undefined);
          return at;
        }
      }
    }
  })();
}

interface PhaseResult {
  joinsPerS: number;
  rttP50: number;
  rttP99: number;
  moves: number;
  projectorLagMs: number;
  wallS: number;
  finished: number;
  resends: number;
  scores: Map<string, number>;
  /** CPU seconds the simulated reps' own process used during the phase. */
  generatorCpuS: number;
}

/**
 * The part of fetch the room client uses (status, ok, json), over undici's plain request API. Each
 * simulated rep stands for a browser on its own device, whose fetch costs this process nothing; the
 * WHATWG fetch in Node costs several times what the request does, and the 500 reps share this
 * process with the server on two cores, so its overhead would be counted as the server's latency.
 */
function lightFetch(dispatcher: Dispatcher): typeof fetch {
  return (async (input: string, init: RequestInit = {}) => {
    const url = new URL(input);
    try {
      const res = await dispatcher.request({
        origin: url.origin,
        path: url.pathname + url.search,
        method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
        headers: init.headers as Record<string, string>,
        body: (init.body as string | undefined) ?? null,
      });
      const text = await res.body.text();
      return { status: res.statusCode, ok: res.statusCode >= 200 && res.statusCode < 300, json: async () => JSON.parse(text) as unknown };
    } catch (e) {
      throw new TypeError(`fetch failed: ${(e as Error).message}`);
    }
  }) as unknown as typeof fetch;
}

async function phase(servers: string[], projectorUrl: string): Promise<PhaseResult & { code: string; secret: string }> {
  const admin = new RoomClient(servers[0]!);
  const room = await admin.create({ scenarioId: 'enterprise-deal', personaId: null, mode: 'practice' });
  const abort = new AbortController();
  const deadline = setTimeout(() => abort.abort(), PHASE_LIMIT_MS);
  const projector = watchProjector(projectorUrl, room.code, room.secret, REPS, abort.signal).catch(() => NaN);
  const started = performance.now();
  const generatorCpu = process.cpuUsage();
  // Each rep is a browser of its own: one keep-alive connection per rep, as in a room. Sharing a pool
  // would funnel many reps through one socket and trip the server's per-connection flood limit.
  const agents = Array.from({ length: REPS }, () => new Agent({ connections: 1, pipelining: 1 }));
  const clients = agents.map((dispatcher, i) => new RoomClient(servers[i % servers.length]!, lightFetch(dispatcher)));
  const seats = await Promise.all(Array.from({ length: REPS }, (_, i) => clients[i]!.join(room.code, `Rep ${i + 1}`)));
  const joinsPerS = REPS / ((performance.now() - started) / 1000);
  const rtts: number[] = [];
  const scores = new Map<string, number>();
  let lastResultAt = 0;
  let resends = 0;
  await Promise.all(
    seats.map(async (seat, i) => {
      const client = clients[i]!;
      let state = (i + 1) * 2654435761;
      const rnd = () => {
        state = (state * 1103515245 + 12345) >>> 0;
        return state / 2 ** 32;
      };
      const session = Session.create(catalog.get(seat.scenarioId)!, seat.personaId, seat.seed, seat.mode);
      while (!session.isOver()) {
        if (abort.signal.aborted) return;
        await new Promise((r) => setTimeout(r, THINK_MS * (0.33 + rnd() * 1.33)));
        const id = pick(session.snapshot(), rnd);
        session.choose(id);
        const t = performance.now();
        // Like the game's move sender: a connection lost before the answer is resent (same seq, so it
        // is acknowledged once), and the resend is counted.
        for (let attempt = 0; ; attempt++) {
          try {
            await client.move(seat.code, seat.token, { seq: session.moves.length, move: id });
            break;
          } catch (e) {
            if (!(e instanceof RoomRequestError) || e.status !== 0 || attempt >= 5) throw e;
            resends++;
            await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
          }
        }
        rtts.push(performance.now() - t);
      }
      const r = session.result()!;
      await client.result(seat.code, seat.token, { outcome: r.outcome, value: r.value, score: r.score.total });
      scores.set(seat.repId, r.score.total);
      lastResultAt = Math.max(lastResultAt, performance.now());
    }),
  );
  const shownAt = await projector;
  abort.abort();
  await Promise.all(agents.map((a) => a.close()));
  clearTimeout(deadline);
  return {
    code: room.code,
    secret: room.secret,
    joinsPerS,
    rttP50: percentile(rtts, 50),
    rttP99: percentile(rtts, 99),
    moves: rtts.length,
    projectorLagMs: Math.max(0, shownAt - lastResultAt),
    wallS: (performance.now() - started) / 1000,
    finished: scores.size,
    resends,
    scores,
    generatorCpuS: (({ user, system }) => (user + system) / 1e6)(process.cpuUsage(generatorCpu)),
  };
}

function report(prefix: string, r: PhaseResult, cpu: { cpuS: number; peakMb: number }[]): void {
  const cpuPct = cpu.map((c) => `${Math.round((100 * c.cpuS) / r.wallS)}%`).join(' + ');
  if (r.finished < REPS)
    console.log(`${prefix}-DID-NOT-FINISH ${r.finished} of ${REPS} reps finished within ${PHASE_LIMIT_MS / 1000} s (figures below are partial)`);
  console.log(`${prefix}-joins-per-s ${Math.round(r.joinsPerS)}   (${REPS} reps joining at once)`);
  console.log(
    `${prefix}-choice-rtt-ms p50 ${r.rttP50.toFixed(1)} p99 ${r.rttP99.toFixed(1)}   (target p99 < 100; ${r.moves} moves, think time ${THINK_MS} ms on average; ${r.resends} resent after a lost connection)`,
  );
  console.log(`${prefix}-server-cpu ${cpu.map((c) => `${c.cpuS.toFixed(1)} s`).join(' + ')} over ${r.wallS.toFixed(1)} s (${cpuPct} of one core)`);
  console.log(`${prefix}-server-peak-rss-mb ${cpu.map((c) => Math.round(c.peakMb)).join(' + ')}`);
  console.log(
    `${prefix}-load-generator-loop-delay-ms p50 ${Math.round(generatorLoop.percentile(50) / 1e6)} p99 ${Math.round(generatorLoop.percentile(99) / 1e6)}   (the ${REPS} simulated reps' own process, which used ${r.generatorCpuS.toFixed(1)} s of CPU; machine load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`,
  );
  generatorLoop.reset();
  console.log(`${prefix}-projector-lag-ms ${Math.round(r.projectorLagMs)}   (last result acknowledged to the projector showing all ${REPS} finished)`);
}

// The simulated reps share this process: its own event-loop delay is part of every round trip measured.
const generatorLoop = monitorEventLoopDelay({ resolution: 10 });
generatorLoop.enable();

// ---- Phase 1: one process, embedded PostgreSQL ----
const data = mkdtempSync(join(tmpdir(), 'walkaway-bench-'));
const cluster = await startPostgres();
try {
  const one = process.argv.includes('--postgres-only') ? null : await startServer({ WALKAWAY_DATA: data });
  if (one)
    try {
      const before = usage(one.pid);
      const r = await phase([one.url], one.url);
      const after = usage(one.pid);
      report('workshop-pglite', r, [{ cpuS: after.cpuS - before.cpuS, peakMb: after.peakMb }]);
    } finally {
      await stopServer(one);
    }

  // ---- Phase 2: two processes, one PostgreSQL ----
  const url = await cluster.createDatabase('walkaway_bench');
  const a = await startServer({ DATABASE_URL: url });
  const b = await startServer({ DATABASE_URL: url });
  try {
    const before = [usage(a.pid), usage(b.pid)];
    const r = await phase([a.url, b.url], b.url);
    const after = [usage(a.pid), usage(b.pid)];
    report(
      'workshop-2x-postgres',
      r,
      after.map((u, i) => ({ cpuS: u.cpuS - before[i]!.cpuS, peakMb: u.peakMb })),
    );
    // Consistency: both processes give the same verified results, and they are what the reps played.
    const views = await Promise.all(
      [a.url, b.url].map((s) => new RoomClient(s).exportJson<{ reps: { name: string; result: { score: number } | null }[] }>(r.code, r.secret)),
    );
    const same = JSON.stringify(views[0]) === JSON.stringify(views[1]);
    const all = views[0]!.reps.every((rep) => rep.result !== null);
    const played =
      [...r.scores.values()].sort((x, y) => x - y).join(',') ===
      views[0]!.reps
        .map((rep) => rep.result!.score)
        .sort((x, y) => x - y)
        .join(',');
    console.log(
      `workshop-2x-postgres-consistent ${same && all && played ? 'yes' : 'NO'}   (both servers' exports identical: ${same}; every rep finished: ${all}; scores as played: ${played})`,
    );
  } finally {
    await stopServer(a);
    await stopServer(b);
  }
} finally {
  cluster.stop();
  rmSync(data, { recursive: true, force: true });
}
