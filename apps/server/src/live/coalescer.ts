/**
 * Per-key rate limiting of pushes: the first change after a quiet period goes out at once,
 * later ones are merged and flushed at most once per interval, each flush carrying everything
 * that changed since the last. Never one push per report.
 */
export class Coalescer<K, V> {
  private readonly pending = new Map<K, Set<V>>();
  private readonly lastFlush = new Map<K, number>();
  private readonly timers = new Map<K, NodeJS.Timeout>();

  constructor(
    private readonly intervalMs: number,
    private readonly flush: (key: K, values: V[]) => void,
    private readonly clock: () => number = Date.now,
  ) {}

  add(key: K, value: V): void {
    const set = this.pending.get(key) ?? new Set<V>();
    set.add(value);
    this.pending.set(key, set);
    if (this.timers.has(key)) return;
    const wait = (this.lastFlush.get(key) ?? -Infinity) + this.intervalMs - this.clock();
    if (wait <= 0) this.flushKey(key);
    else
      this.timers.set(
        key,
        setTimeout(() => this.flushKey(key), wait),
      );
  }

  private flushKey(key: K): void {
    this.timers.delete(key);
    const values = this.pending.get(key);
    this.pending.delete(key);
    if (!values || values.size === 0) return;
    this.lastFlush.set(key, this.clock());
    this.flush(key, [...values]);
  }

  /** Flushes every key with pending values now, whatever its interval (a process about to stop). */
  flushAll(): void {
    for (const key of [...this.pending.keys()]) {
      clearTimeout(this.timers.get(key));
      this.flushKey(key);
    }
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.pending.clear();
  }
}
