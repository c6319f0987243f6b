import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

/** Runs `node bin/walkaway.js` as a child process, as a user or a bot would. */
export const root = new URL('../../', import.meta.url).pathname;
export const BIN = join(root, 'bin/walkaway.js');

export function walkaway(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: root, encoding: 'utf8', ...(input !== undefined ? { input } : {}) });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

export type Message = Record<string, unknown> & { type: string; turn?: number; choices?: { id: string }[]; message?: string };

/**
 * A `walkaway ... --jsonl` child driven line by line: `next()` waits for the next message on stdout,
 * `send()` writes one line to stdin (which stays open until `endInput()`).
 */
export class JsonlChild {
  readonly child: ChildProcessWithoutNullStreams;
  private buffered = '';
  private readonly messages: Message[] = [];
  private readonly waiting: ((m: Message | null) => void)[] = [];
  stderr = '';
  readonly exited: Promise<{ code: number | null; at: number }>;
  private ended = false;

  constructor(args: string[]) {
    this.child = spawn(process.execPath, [BIN, ...args], { cwd: root });
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (s: string) => {
      this.buffered += s;
      for (let nl = this.buffered.indexOf('\n'); nl >= 0; nl = this.buffered.indexOf('\n')) {
        const line = this.buffered.slice(0, nl);
        this.buffered = this.buffered.slice(nl + 1);
        this.push(JSON.parse(line) as Message);
      }
    });
    this.child.stdout.on('end', () => {
      this.ended = true;
      for (const w of this.waiting.splice(0)) w(null);
    });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (s: string) => (this.stderr += s));
    // Writing to a child that has gone is not this test's failure; the assertions say what went wrong.
    this.child.stdin.on('error', () => {});
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve({ code, at: Date.now() })));
  }

  private push(m: Message) {
    const w = this.waiting.shift();
    if (w) w(m);
    else this.messages.push(m);
  }

  next(): Promise<Message | null> {
    const m = this.messages.shift();
    if (m) return Promise.resolve(m);
    if (this.ended) return Promise.resolve(null);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  send(line: string | Buffer) {
    this.child.stdin.write(line);
  }

  endInput() {
    this.child.stdin.end();
  }

  kill() {
    if (this.child.exitCode === null) this.child.kill();
  }
}

/** Resolves with what `p` gives, or with `fallback` after `ms`. */
export function within<T, F>(p: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(fallback), ms);
    p.then((v) => {
      clearTimeout(t);
      resolve(v);
    });
  });
}
