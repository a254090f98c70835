import type { CountsReport, FieldError, ReviewState } from "@pulse/schema";

/**
 * A report on this phone, from the moment it was entered: its idempotency key is made then and
 * never again, so however often it is sent the ledger counts it once.
 */
export interface OutboxEntry {
  key: string;
  report: CountsReport;
  /** when it was entered here (ms since epoch) */
  createdAt: number;
  /**
   * held: kept by the server as a probable typo, not counted until a commune or province user
   * approves it (then recorded) or rejects it (then rejected); the phone asks again now and then
   */
  state: "waiting" | "sending" | "recorded" | "held" | "rejected" | "refused";
  attempts: number;
  /** the earliest time the next try may start (ms since epoch) */
  nextAttemptAt: number;
  receipt?: { reportId: number; receivedAt: string };
  refusal?: { vi: string; en: string; fieldErrors: FieldError[]; status: number };
}

/** What came back from one try. */
export type SendOutcome =
  | { kind: "recorded" | "held" | "rejected"; reportId: number; receivedAt: string }
  | { kind: "refused"; status: number; vi: string; en: string; fieldErrors: FieldError[] }
  /** 401: the session expired; the entry waits until the user signs in again */
  | { kind: "signedOut" }
  /** 429 or 503: the server said when to try again */
  | { kind: "later"; retryAfterSeconds: number }
  /** no network, a timeout, a proxy error: try again with backoff */
  | { kind: "unreachable" };

const FIRST_BACKOFF_MS = 2_000;
const MAX_BACKOFF_MS = 5 * 60_000;
/** How often a held report's review is asked after (and whenever the page is shown again). */
export const REVIEW_RECHECK_MS = 60_000;

/** 2 s, 4 s, 8 s … up to 5 minutes, with ±25 % jitter so a village's phones do not retry in step. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}

/**
 * The entry after one try: recorded, rejected and refused are final; held is asked again later;
 * anything else waits for its next try (a held report whose recheck failed stays held).
 */
export function afterOutcome(entry: OutboxEntry, outcome: SendOutcome, now: number): OutboxEntry {
  const attempts = entry.attempts + 1;
  switch (outcome.kind) {
    case "recorded":
    case "held":
    case "rejected":
      return {
        ...entry,
        attempts,
        state: outcome.kind,
        nextAttemptAt: now + REVIEW_RECHECK_MS,
        receipt: { reportId: outcome.reportId, receivedAt: outcome.receivedAt },
      };
    case "refused":
      return {
        ...entry,
        attempts,
        state: "refused",
        refusal: { status: outcome.status, vi: outcome.vi, en: outcome.en, fieldErrors: outcome.fieldErrors },
      };
    case "signedOut":
      return { ...entry, attempts, state: waitingOrHeld(entry), nextAttemptAt: now };
    case "later":
      return {
        ...entry,
        attempts,
        state: waitingOrHeld(entry),
        nextAttemptAt: now + outcome.retryAfterSeconds * 1000,
      };
    case "unreachable":
      return {
        ...entry,
        attempts,
        state: waitingOrHeld(entry),
        nextAttemptAt: now + (entry.state === "held" ? REVIEW_RECHECK_MS : backoffMs(attempts)),
      };
  }
}

const waitingOrHeld = (entry: OutboxEntry) => (entry.state === "held" ? "held" : "waiting");

/** Whether an entry should be sent now (a held one: its review asked again, by resending it under its key). */
export const isDue = (entry: OutboxEntry, now: number) =>
  (entry.state === "waiting" || entry.state === "held") && entry.nextAttemptAt <= now;

interface ReceiptAnswer {
  reportId: number;
  receivedAt: string;
  review?: ReviewState | null;
}

export interface ReportsAnswer {
  receipts?: ReceiptAnswer[];
  error?: { vi: string; en: string; fieldErrors?: FieldError[] };
}

/** A receipt: counted (on arrival, or approved since), held for review, or rejected on review. */
const receiptOutcome = ({ reportId, receivedAt, review }: ReceiptAnswer): SendOutcome => ({
  kind: review === "held" ? "held" : review === "rejected" ? "rejected" : "recorded",
  reportId,
  receivedAt,
});

/** What an HTTP answer from `POST /api/v1/reports` means for the entry. */
export function outcomeOf(status: number, retryAfter: string | null, body: ReportsAnswer | null): SendOutcome {
  const receipt = body?.receipts?.[0];
  if (status === 200 && receipt) return receiptOutcome(receipt);
  if (status === 401) return { kind: "signedOut" };
  if (status === 429 || status === 503) {
    const seconds = Number(retryAfter);
    return { kind: "later", retryAfterSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 5 };
  }
  // A refusal the server explained (403 out of scope, 409 key reused, 422 invalid) is final;
  // anything else (a proxy's 502, an answer without a body) is the network's fault: try again.
  if (status >= 400 && status < 500 && body?.error) {
    return { kind: "refused", status, vi: body.error.vi, en: body.error.en, fieldErrors: body.error.fieldErrors ?? [] };
  }
  return { kind: "unreachable" };
}

/**
 * What an answer to a batch (`{ reports: [...] }`, all or nothing) means for each of its `count`
 * reports; null when the batch was refused as a whole and its reports must be sent one by one to
 * learn which is at fault.
 */
export function batchOutcomesOf(
  status: number,
  retryAfter: string | null,
  body: ReportsAnswer | null,
  count: number,
): SendOutcome[] | null {
  const receipts = body?.receipts;
  if (status === 200 && receipts?.length === count) {
    return receipts.map(receiptOutcome);
  }
  const outcome = outcomeOf(status, retryAfter, body);
  if (outcome.kind === "refused" || "reportId" in outcome) return null;
  return Array.from({ length: count }, () => outcome);
}
