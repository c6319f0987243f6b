import type { LiveUpdates } from './live.ts';

/**
 * The facilitator's live view, computed once per room and shared by every stream watching that room
 * (the projector, the facilitator's laptop, a second screen): a room of 500 reps playing changes many
 * times a second, and a view costs a read of every rep, so each feed recomputes at most once per
 * `throttleMs`, never two at once, and always once more after the last change it heard of, so the
 * last result always reaches every stream.
 */

/** What a stream is sent: a server-sent event, already serialised (once for all its watchers). */
export type FeedEvent = { event: 'view' | 'problem'; data: string };

interface Feed {
  watchers: Set<(e: FeedEvent) => void>;
  compute: () => Promise<unknown>;
  timer: ReturnType<typeof setTimeout> | null;
  running: boolean;
  /** A change arrived while a view was being computed: compute again once it is done. */
  dirty: boolean;
  lastStart: number;
  unsubscribe: () => void;
}

export class ViewFeeds {
  private readonly feeds = new Map<string, Feed>();
  private readonly live: LiveUpdates;
  private readonly throttleMs: number;

  constructor(live: LiveUpdates, throttleMs: number) {
    this.live = live;
    this.throttleMs = throttleMs;
  }

  /**
   * Sends `watcher` the room's view whenever it changes. `key` names one view (a room as seen from one
   * address: the view holds the join link); `compute` is used by the first watcher of a key and must
   * already have been authorised. Returns the function that stops watching.
   */
  watch(code: string, key: string, compute: () => Promise<unknown>, watcher: (e: FeedEvent) => void): () => void {
    let feed = this.feeds.get(key);
    if (!feed) {
      const created: Feed = { watchers: new Set(), compute, timer: null, running: false, dirty: false, lastStart: 0, unsubscribe: () => undefined };
      created.unsubscribe = this.live.subscribe(code, () => this.schedule(created));
      this.feeds.set(key, created);
      feed = created;
    }
    feed.watchers.add(watcher);
    // The watcher's first view was read before it was listening: a change in between comes with the next.
    this.schedule(feed);
    const own = feed;
    return () => {
      own.watchers.delete(watcher);
      if (own.watchers.size) return;
      own.unsubscribe();
      if (own.timer) clearTimeout(own.timer);
      own.timer = null;
      if (this.feeds.get(key) === own) this.feeds.delete(key);
    };
  }

  private schedule(feed: Feed): void {
    if (!feed.watchers.size) return;
    if (feed.running) {
      feed.dirty = true;
      return;
    }
    if (feed.timer) return;
    feed.timer = setTimeout(() => void this.run(feed), Math.max(0, feed.lastStart + this.throttleMs - performance.now()));
  }

  private async run(feed: Feed): Promise<void> {
    feed.timer = null;
    feed.running = true;
    feed.dirty = false;
    feed.lastStart = performance.now();
    let event: FeedEvent;
    try {
      event = { event: 'view', data: JSON.stringify(await feed.compute()) };
    } catch (e) {
      event = { event: 'problem', data: JSON.stringify({ error: (e as Error).message }) };
    }
    feed.running = false;
    for (const w of feed.watchers) w(event);
    if (feed.dirty) this.schedule(feed);
  }
}
