import './zod-jitless.ts';
import { compileScenario, loadScenario } from '../engine/index.ts';
import { auditScenario } from '../engine/analysis/audit.ts';
import type { AuditReply, AuditRequest } from './audit-messages.ts';

/**
 * Runs the teaching audit (the engine function behind `walkaway audit`) off the page's main thread, so
 * typing stays smooth while the archetypes play hundreds of games.
 */
const scope = self as unknown as { onmessage: ((e: MessageEvent<AuditRequest>) => void) | null; postMessage(reply: AuditReply): void };

scope.onmessage = (e) => {
  const { id, text, fileName, seeds } = e.data;
  const started = performance.now();
  try {
    const audit = auditScenario(compileScenario(loadScenario(text, fileName)), { seeds });
    scope.postMessage({ id, ok: true, audit, ms: performance.now() - started });
  } catch (err) {
    scope.postMessage({ id, ok: false, message: (err as Error).message });
  }
};
