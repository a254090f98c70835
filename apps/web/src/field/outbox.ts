import type { CountsReport } from "@pulse/schema";
import { allEntries, deleteEntry, putEntry, resumeInterrupted } from "./field-store";
import {
  afterOutcome,
  batchOutcomesOf,
  isDue,
  outcomeOf,
  type OutboxEntry,
  type ReportsAnswer,
  type SendOutcome,
} from "./outbox-entry";

/** Reports sent in one request: a day's queue in a few requests, a small body on a weak link. */
const BATCH_SIZE = 50;
const SEND_TIMEOUT_MS = 20_000;
/** How often waiting reports are looked at when nothing else wakes the outbox. */
const TICK_MS = 5_000;

export interface OutboxSnapshot {
  entries: OutboxEntry[];
  /** the server said the session expired: sending waits until the user signs in again */
  needsSignIn: boolean;
  loaded: boolean;
}

/** Posts `body` and reads the answer; null when nothing came back (no network, a timeout). */
async function post(
  endpoint: string,
  body: unknown,
): Promise<{ status: number; retryAfter: string | null; answer: ReportsAnswer | null } | null> {
  try {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    const answer = response.headers.get("content-type")?.includes("json")
      ? ((await response.json()) as ReportsAnswer)
      : null;
    return { status: response.status, retryAfter: response.headers.get("retry-after"), answer };
  } catch {
    return null;
  }
}

/** One report, one request. */
async function sendOne(endpoint: string, entry: OutboxEntry): Promise<SendOutcome> {
  const sent = await post(endpoint, entry.report);
  return sent ? outcomeOf(sent.status, sent.retryAfter, sent.answer) : { kind: "unreachable" };
}

/** Several reports in one request (all or nothing); null when refused as a whole. */
async function sendBatch(endpoint: string, entries: OutboxEntry[]): Promise<SendOutcome[] | null> {
  const sent = await post(endpoint, { reports: entries.map((e) => e.report) });
  if (!sent) return entries.map(() => ({ kind: "unreachable" }));
  return batchOutcomesOf(sent.status, sent.retryAfter, sent.answer, entries.length);
}

/** Runs `work` with this phone's outbox lock (one tab sends at a time), or plainly where locks are missing. */
async function withLock(work: () => Promise<void>): Promise<void> {
  if (typeof navigator !== "undefined" && navigator.locks) await navigator.locks.request("pulse-outbox", work);
  else await work();
}

type TabMessage = { entry?: OutboxEntry; deleted?: string };

/**
 * The phone's outbox: every report is written to IndexedDB before anything is sent, then sent
 * at once, when the network comes back, when the page is shown again and on a timer, each try
 * with the key it was given when entered. Only one tab of the phone sends at a time (Web Locks).
 */
export class Outbox {
  private snapshot: OutboxSnapshot = { entries: [], needsSignIn: false, loaded: false };
  private readonly listeners = new Set<() => void>();
  private readonly channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel("pulse-outbox");
  /** The entries in memory, written through to IndexedDB: the list is not read back on every change. */
  private readonly byKey = new Map<string, OutboxEntry>();
  private running = false;
  private again = false;

  constructor(private readonly endpoint = "/api/v1/reports") {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
  getSnapshot = () => this.snapshot;

  /** Opens the outbox: interrupted tries are waiting again, and sending starts with every trigger. */
  async start(): Promise<() => void> {
    await resumeInterrupted();
    for (const entry of await allEntries()) this.byKey.set(entry.key, entry);
    this.publishEntries();
    const wake = () => void this.flush();
    // Shown again: what is waiting goes now, and held reports' reviews are asked after at once.
    const onVisible = () => document.visibilityState === "visible" && void this.askHeldNow();
    const onMessage = ({ data }: MessageEvent<TabMessage>) => this.fromOtherTab(data);
    window.addEventListener("online", wake);
    document.addEventListener("visibilitychange", onVisible);
    this.channel?.addEventListener("message", onMessage);
    const timer = window.setInterval(wake, TICK_MS);
    void this.askHeldNow();
    return () => {
      window.removeEventListener("online", wake);
      document.removeEventListener("visibilitychange", onVisible);
      this.channel?.removeEventListener("message", onMessage);
      window.clearInterval(timer);
    };
  }

  /** Keeps the report on the phone (with its key, made when it was entered), then tries to send it. */
  async add(report: CountsReport): Promise<void> {
    const now = Date.now();
    await this.save({
      key: report.idempotencyKey,
      report,
      createdAt: now,
      state: "waiting",
      attempts: 0,
      nextAttemptAt: now,
    });
    void this.flush();
  }

  async discard(key: string): Promise<void> {
    await deleteEntry(key);
    this.byKey.delete(key);
    this.publishEntries();
    this.channel?.postMessage({ deleted: key } satisfies TabMessage);
  }

  /** After signing in again, or when the user asks: try everything waiting now. */
  async retryNow(): Promise<void> {
    this.publish({ needsSignIn: false });
    await this.dueNow("waiting");
  }

  private async askHeldNow(): Promise<void> {
    await this.dueNow("held");
  }
  private async dueNow(state: OutboxEntry["state"]): Promise<void> {
    for (const entry of [...this.byKey.values()]) {
      if (entry.state === state) await this.save({ ...entry, nextAttemptAt: 0 });
    }
    void this.flush();
  }

  private publish(next: Partial<OutboxSnapshot>) {
    this.snapshot = { ...this.snapshot, ...next };
    this.listeners.forEach((listener) => listener());
  }
  private publishEntries() {
    this.publish({ entries: [...this.byKey.values()].sort((a, b) => b.createdAt - a.createdAt), loaded: true });
  }
  private async save(entry: OutboxEntry) {
    await putEntry(entry);
    this.byKey.set(entry.key, entry);
    this.publishEntries();
    this.channel?.postMessage({ entry } satisfies TabMessage);
  }
  /** Another tab of this phone changed an entry. */
  private fromOtherTab(data: TabMessage) {
    if (data.entry) this.byKey.set(data.entry.key, data.entry);
    if (data.deleted) this.byKey.delete(data.deleted);
    this.publishEntries();
  }

  /** Sends what is due, in batches, until nothing is; stops while the session is expired. */
  private async drain() {
    while (!this.snapshot.needsSignIn) {
      const now = Date.now();
      const due = [...this.byKey.values()].filter((e) => isDue(e, now)).slice(0, BATCH_SIZE);
      if (due.length === 0) return;
      for (const entry of due) if (entry.state === "waiting") await this.save({ ...entry, state: "sending" });
      const outcomes = due.length > 1 ? await sendBatch(this.endpoint, due) : null;
      // A batch refused as a whole: one by one, so only the report at fault is refused.
      for (const [i, entry] of due.entries()) {
        const outcome = outcomes?.[i] ?? (await sendOne(this.endpoint, entry));
        if (outcome.kind === "signedOut") this.publish({ needsSignIn: true });
        await this.save(afterOutcome(entry, outcome, Date.now()));
      }
    }
  }
  /** One run at a time; a wake-up during a run starts one more after it. */
  private async flush() {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.again = false;
        await withLock(() => this.drain());
      } while (this.again);
    } finally {
      this.running = false;
    }
  }
}
