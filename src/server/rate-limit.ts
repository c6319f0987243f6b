/**
 * Token buckets: each key (a connection, a rep) may make `burst` requests at once and `perSecond` on
 * average. Keys idle long enough to have refilled are forgotten, so memory stays bounded.
 */
export class RateLimiter {
  private readonly buckets = new Map<unknown, { tokens: number; at: number }>();
  private readonly burst: number;
  private readonly perSecond: number;
  private readonly now: () => number;

  constructor(o: { burst: number; perSecond: number; now?: () => number }) {
    this.burst = o.burst;
    this.perSecond = o.perSecond;
    this.now = o.now ?? (() => performance.now());
  }

  /** Takes one token for `key`; false when the key has run out (the request should be refused). */
  take(key: unknown): boolean {
    const now = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    if (this.buckets.size > 50_000) this.sweep(now);
    if (b.tokens < 1) {
      this.buckets.set(key, b);
      return false;
    }
    b.tokens -= 1;
    this.buckets.set(key, b);
    return true;
  }

  private sweep(now: number): void {
    const full = (this.burst / this.perSecond) * 1000;
    for (const [k, b] of this.buckets) if (now - b.at > full) this.buckets.delete(k);
  }
}
