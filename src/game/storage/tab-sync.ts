/**
 * Tells the other tabs of this browser profile that the saved games, the practice record or the
 * uploaded scenarios changed,
 * so each shows the other's games and record without a reload. BroadcastChannel where there is one,
 * else the storage event of a localStorage key.
 */
export type SyncTopic = 'games' | 'record' | 'scenarios';

const SYNC_TOPICS: readonly SyncTopic[] = ['games', 'record', 'scenarios'];

export class TabSync {
  /** This tab's id: messages a tab sent itself are ignored. */
  readonly tabId = Math.random().toString(36).slice(2, 10);
  private readonly channel: BroadcastChannel | null;
  private readonly listeners = new Set<(topic: SyncTopic) => void>();
  private static readonly KEY = 'walkaway.sync';

  constructor() {
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('walkaway') : null;
    const receive = (data: unknown) => {
      const m = data as { from?: string; topic?: SyncTopic } | null;
      if (!m || m.from === this.tabId || !m.topic || !SYNC_TOPICS.includes(m.topic)) return;
      for (const l of this.listeners) l(m.topic);
    };
    if (this.channel) this.channel.onmessage = (e) => receive(e.data);
    else if (typeof window !== 'undefined') {
      window.addEventListener('storage', (e) => {
        if (e.key !== TabSync.KEY || !e.newValue) return;
        try {
          receive(JSON.parse(e.newValue));
        } catch {
          // Someone else's value under our key: nothing to do.
        }
      });
    }
  }

  announce(topic: SyncTopic): void {
    const message = { from: this.tabId, topic, at: Date.now() };
    if (this.channel) this.channel.postMessage(message);
    else {
      try {
        localStorage.setItem(TabSync.KEY, JSON.stringify(message));
      } catch {
        // No storage: other tabs will see the change at their next reload.
      }
    }
  }

  onChange(listener: (topic: SyncTopic) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
