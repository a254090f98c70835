import { describe, expect, it } from "vitest";
import type { ReviewState } from "@pulse/schema";
import {
  afterOutcome,
  backoffMs,
  batchOutcomesOf,
  isDue,
  outcomeOf,
  type OutboxEntry,
  type ReportsAnswer,
} from "./outbox-entry";

const entry: OutboxEntry = {
  key: "6f1c2f7e-3f0e-4a57-9a43-1d7c1d0f5b11",
  report: {
    idempotencyKey: "6f1c2f7e-3f0e-4a57-9a43-1d7c1d0f5b11",
    communeCode: "00082",
    asOf: new Date("2026-12-02T02:00:00Z"),
    reporter: "Tổ 1",
    source: "field",
    mode: "increment",
    counters: { eidL2Activated: 3 },
  },
  createdAt: 1_000,
  state: "sending",
  attempts: 0,
  nextAttemptAt: 1_000,
};

describe("outbox entry", () => {
  it("is recorded with its receipt on 200, and never due again", () => {
    const next = afterOutcome(entry, outcomeOf(200, null, { receipts: [{ reportId: 42, receivedAt: "t" }] }), 5_000);
    expect(next).toMatchObject({ state: "recorded", receipt: { reportId: 42 }, attempts: 1 });
    expect(isDue(next, Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  it("is held when the server keeps it for review, asks again later, and ends recorded or rejected", () => {
    const answer = (review: ReviewState): ReportsAnswer => ({ receipts: [{ reportId: 42, receivedAt: "t", review }] });
    const held = afterOutcome(entry, outcomeOf(200, null, answer("held")), 5_000);
    expect(held).toMatchObject({ state: "held", receipt: { reportId: 42 } });
    expect(isDue(held, 5_000 + 59_000)).toBe(false);
    expect(isDue(held, 5_000 + 60_000)).toBe(true);
    // A recheck that finds no network leaves it held, not waiting to be counted.
    const stillHeld = afterOutcome(held, { kind: "unreachable" }, 70_000);
    expect(stillHeld).toMatchObject({ state: "held", nextAttemptAt: 130_000 });
    expect(afterOutcome(stillHeld, outcomeOf(503, "5", null), 70_000).state).toBe("held");
    const approved = afterOutcome(held, outcomeOf(200, null, answer("approved")), 80_000);
    expect(approved.state).toBe("recorded");
    expect(isDue(approved, Number.MAX_SAFE_INTEGER)).toBe(false);
    const rejected = afterOutcome(held, outcomeOf(200, null, answer("rejected")), 80_000);
    expect(rejected.state).toBe("rejected");
    expect(isDue(rejected, Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  it("is refused for good on an explained 4xx, keeping the server's words and fields", () => {
    const error = {
      vi: "ngoài phạm vi",
      en: "out of scope",
      fieldErrors: [{ field: "communeCode", vi: "a", en: "b" }],
    };
    const next = afterOutcome(entry, outcomeOf(403, null, { error }), 5_000);
    expect(next.state).toBe("refused");
    expect(next.refusal).toEqual({ ...error, status: 403 });
    expect(isDue(next, Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  it("waits as Retry-After says on 429 and 503, and backs off when unreachable", () => {
    expect(afterOutcome(entry, outcomeOf(503, "7", null), 5_000)).toMatchObject({
      state: "waiting",
      nextAttemptAt: 12_000,
    });
    expect(afterOutcome(entry, outcomeOf(429, null, null), 5_000).nextAttemptAt).toBe(10_000);
    // A proxy's error page without our body is the network's fault, not a refusal.
    expect(outcomeOf(502, null, null)).toEqual({ kind: "unreachable" });
    expect(outcomeOf(404, null, null)).toEqual({ kind: "unreachable" });
    const waiting = afterOutcome(entry, { kind: "unreachable" }, 5_000);
    expect(waiting.state).toBe("waiting");
    expect(isDue(waiting, 5_000)).toBe(false);
    expect(isDue(waiting, 5_000 + 2_500)).toBe(true);
  });

  it("waits for sign-in on 401 without losing the report or its key", () => {
    const next = afterOutcome(entry, outcomeOf(401, null, { error: { vi: "x", en: "y" } }), 5_000);
    expect(next).toMatchObject({ state: "waiting", key: entry.key, report: entry.report });
  });

  it("backs off 2 s, 4 s, 8 s … to at most 5 minutes, with jitter within ±25 %", () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, () => 0.5))).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(backoffMs(30, () => 0.5)).toBe(300_000);
    expect(backoffMs(1, () => 0)).toBe(1_500);
    expect(backoffMs(1, () => 0.999_999)).toBeLessThanOrEqual(2_500);
  });

  it("records each report of a batch with its own receipt, and splits a batch refused as a whole", () => {
    const receipts = [
      { reportId: 1, receivedAt: "a" },
      { reportId: 2, receivedAt: "b" },
    ];
    expect(batchOutcomesOf(200, null, { receipts }, 2)).toEqual([
      { kind: "recorded", reportId: 1, receivedAt: "a" },
      { kind: "recorded", reportId: 2, receivedAt: "b" },
    ]);
    // One report out of scope refuses the batch: sent one by one, only it is refused.
    expect(batchOutcomesOf(403, null, { error: { vi: "x", en: "y" } }, 2)).toBeNull();
    expect(batchOutcomesOf(422, null, { error: { vi: "x", en: "y", fieldErrors: [] } }, 2)).toBeNull();
    expect(batchOutcomesOf(200, null, { receipts: receipts.slice(0, 1) }, 2)).toBeNull();
    // Throttled, away or unreachable: every report of the batch waits alike.
    expect(batchOutcomesOf(503, "9", null, 3)).toEqual(Array(3).fill({ kind: "later", retryAfterSeconds: 9 }));
    expect(batchOutcomesOf(401, null, null, 2)).toEqual(Array(2).fill({ kind: "signedOut" }));
  });
});
