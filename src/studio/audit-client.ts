import type { AuditReply, AuditRequest } from './audit-messages.ts';
import { STUDIO_AUDIT_SEEDS } from './audit-messages.ts';

/** Pause in typing before the audit runs again (it plays hundreds of games). */
export const AUDIT_DELAY_MS = 800;

export type AuditResult = Extract<AuditReply, { audit: unknown } | { message: string }>;
export type DeepResult = Extract<AuditReply, { deep: unknown } | { deepMessage: string }>;
export type AuditState =
  | { kind: 'idle' }
  | { kind: 'waiting' }
  | { kind: 'running' }
  | { kind: 'done'; reply: AuditResult }
  | { kind: 'deep'; reply: DeepResult };

/**
 * Runs the audit in a Web Worker when typing pauses. A newer text replaces an audit still running (the
 * worker is stopped and a fresh one started), so the table never shows numbers for an older text.
 */
export class AuditClient {
  private worker: Worker | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private nextId = 1;
  private running: number | null = null;
  private readonly onState: (state: AuditState) => void;

  constructor(onState: (state: AuditState) => void) {
    this.onState = onState;
  }

  /** Schedules an audit of this (valid) text once typing pauses. */
  schedule(text: string, fileName: string, delay = AUDIT_DELAY_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.onState({ kind: 'waiting' });
    this.timer = setTimeout(() => this.run(text, fileName), delay);
  }

  /** The text does not load: nothing to audit until it does. */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stopWorker();
    this.onState({ kind: 'idle' });
  }

  private run(text: string, fileName: string): void {
    this.timer = null;
    if (this.running !== null) this.stopWorker();
    const worker = this.ensureWorker();
    const request: AuditRequest = { id: this.nextId++, text, fileName, seeds: STUDIO_AUDIT_SEEDS };
    this.running = request.id;
    this.onState({ kind: 'running' });
    worker.postMessage(request);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./audit-worker.ts', import.meta.url), { type: 'module', name: 'teaching-audit' });
    worker.onmessage = (e: MessageEvent<AuditReply>) => {
      const reply = e.data;
      if (reply.id !== this.running) return;
      if ('audit' in reply || 'message' in reply) {
        this.onState({ kind: 'done', reply });
        // A failed audit is the last word; otherwise the deep checks follow.
        if ('message' in reply) this.running = null;
        return;
      }
      this.running = null;
      this.onState({ kind: 'deep', reply });
    };
    worker.onerror = (e) => {
      this.running = null;
      this.onState({ kind: 'done', reply: { id: 0, ok: false, message: e.message || 'the audit stopped unexpectedly' } });
    };
    this.worker = worker;
    return worker;
  }

  private stopWorker(): void {
    this.worker?.terminate();
    this.worker = null;
    this.running = null;
  }
}
