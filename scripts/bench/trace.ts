import type { CDPSession } from 'playwright-core';

/** One event of a Chromium trace (the fields the benches read). */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread time (processor time of the thread), where the category records it. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Ends the trace started on `cdp` (`Tracing.start` with `transferMode: 'ReturnAsStream'`) and returns its events. */
export async function endTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<string>((done) => cdp.once('Tracing.tracingComplete', (e) => done(e.stream ?? '')));
  await cdp.send('Tracing.end');
  const stream = await complete;
  const chunks: Buffer[] = [];
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 22 });
    chunks.push(Buffer.from(chunk.data, chunk.base64Encoded ? 'base64' : 'utf8'));
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(Buffer.concat(chunks).toString()) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** The tasks the main thread of process `pid` ran (each a `ThreadControllerImpl::RunTask`, nested ones too), in time order. */
export function mainThreadTasks(events: readonly TraceEvent[], pid: number): TraceEvent[] {
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error('the trace has no main thread for the page');
  return events.filter((e) => e.pid === pid && e.tid === main.tid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts);
}
