/** A render's result, and whether this request shared another's render instead of making its own. */
export interface Shared<T> {
  rendered: T;
  shared: boolean;
}

export interface SharedRenders<T> {
  /** what `key` renders to: the one in flight or rendered less than the reuse time ago, else `render()`'s */
  get(key: string, render: () => Promise<T>): Promise<Shared<T>>;
}

interface Entry<T> {
  rendered: Promise<T>;
  /** when the render finished; null while it runs */
  doneAt: number | null;
}

/**
 * Identical exports (same scope, campaign, language, annex) rendered once: a morning meeting's
 * eight people, or a hundred subscribers of one report, wait for one render and get its bytes;
 * a finished PDF — which prints the time of its figures — is reused for `reuseMs`. A failed
 * render is forgotten at once, so the next request tries again. At most `maxEntries` are kept.
 */
export function createSharedRenders<T>({
  reuseMs,
  maxEntries = 64,
  now = Date.now,
}: {
  reuseMs: number;
  maxEntries?: number;
  now?: () => number;
}): SharedRenders<T> {
  const entries = new Map<string, Entry<T>>();
  const fresh = (entry: Entry<T>) => entry.doneAt === null || now() - entry.doneAt < reuseMs;
  return {
    async get(key, render) {
      const known = entries.get(key);
      if (known && fresh(known)) return { rendered: await known.rendered, shared: true };
      const entry: Entry<T> = { rendered: render(), doneAt: null };
      entries.delete(key);
      entries.set(key, entry);
      for (const [oldest] of entries) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
      entry.rendered.then(
        () => {
          entry.doneAt = now();
        },
        () => {
          if (entries.get(key) === entry) entries.delete(key);
        },
      );
      return { rendered: await entry.rendered, shared: false };
    },
  };
}
