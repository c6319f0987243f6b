import '../web/zod-jitless.ts';
import { checkScenarioText, compileScenario, loadScenario, type ScenarioProblem } from '../engine/index.ts';
import { auditScenario } from '../engine/analysis/audit.ts';
import { deepCheckText } from '../engine/analysis/deep-warnings.ts';
import { valueUnit } from '../engine/persona/worth.ts';
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
    const compiled = compileScenario(loadScenario(text, fileName));
    const audit = auditScenario(compiled, { seeds });
    scope.postMessage({ id, ok: true, audit, ms: performance.now() - started, valueUnit: valueUnit(compiled) });
  } catch (err) {
    scope.postMessage({ id, ok: false, message: (err as Error).message });
    return;
  }
  const deepStarted = performance.now();
  try {
    // The deep warnings only: the editor already shows the plain ones as they are typed.
    const plain = new Set(checkScenarioText(text, fileName).problems.map(key));
    const deep = deepCheckText(text, fileName).filter((p) => !plain.has(key(p)));
    scope.postMessage({ id, ok: true, deep, ms: performance.now() - deepStarted });
  } catch (err) {
    scope.postMessage({ id, ok: false, deepMessage: (err as Error).message });
  }
};

function key(p: ScenarioProblem): string {
  return `${p.line}:${p.col}:${p.message}`;
}
