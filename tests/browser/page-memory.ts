import type { CDPSession } from 'playwright-core';

/**
 * What a page's JavaScript holds, read through the DevTools protocol after a full garbage collection:
 * the heap's objects, from a heap snapshot, without compiled code (V8 compiles, drops and recompiles
 * functions as it re-optimises them; that is the engine's cache, not the page's memory), and the page's
 * DOM nodes and event listeners. For tests that compare a page's memory over time.
 */
export interface PageMemory {
  /** Bytes of the heap's objects, compiled code left out. */
  heap: number;
  nodes: number;
  listeners: number;
}

export async function pageMemory(cdp: CDPSession): Promise<PageMemory> {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await heapWithoutCode(cdp);
  const counters = await cdp.send('Memory.getDOMCounters');
  return { heap, nodes: counters.nodes, listeners: counters.jsEventListeners };
}

/** Takes a heap snapshot and adds up the self sizes of its nodes, those of compiled code left out. */
export async function heapWithoutCode(cdp: CDPSession): Promise<number> {
  let json = '';
  const chunk = (e: { chunk: string }) => {
    json += e.chunk;
  };
  cdp.on('HeapProfiler.addHeapSnapshotChunk', chunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', chunk);
  }
  const snapshot = JSON.parse(json) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[] };
  const fields = snapshot.snapshot.meta.node_fields;
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const code = snapshot.snapshot.meta.node_types[0].indexOf('code');
  let heap = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) if (snapshot.nodes[i + typeAt] !== code) heap += snapshot.nodes[i + sizeAt]!;
  return heap;
}
