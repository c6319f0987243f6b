import type { RoomView } from '../../src/server/rooms.ts';

/** Follows a room's live stream (server-sent events) as the projector page does, collecting every view it sends. */
export function followRoom(url: string, code: string, secret: string) {
  const views: RoomView[] = [];
  const abort = new AbortController();
  const done = (async () => {
    const res = await fetch(`${url}/api/rooms/${code}/events?secret=${secret}`, { signal: abort.signal });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done: end } = await reader.read();
      if (end) return;
      buffer += value;
      for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
        const event = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const data = event.split('\n').find((l) => l.startsWith('data: '));
        if (event.startsWith('event: view') && data) views.push(JSON.parse(data.slice(6)) as RoomView);
      }
    }
  })().catch(() => undefined);
  return {
    views,
    async until(check: (v: RoomView) => boolean, ms = 20_000): Promise<RoomView> {
      const end = performance.now() + ms;
      while (performance.now() < end) {
        const hit = [...views].reverse().find(check);
        if (hit) return hit;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`no live view matched within ${ms} ms (last: ${JSON.stringify(views.at(-1)?.reps.map((r) => [r.turn, r.over]))})`);
    },
    stop: () => abort.abort(),
    done,
  };
}
