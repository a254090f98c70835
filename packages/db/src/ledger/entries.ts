import { createHash } from "node:crypto";
import { COUNTER_KEYS, type Counters, type CountsReport, type FieldError, type ReportReceipt } from "@pulse/schema";

/** The same idempotency key came back with other content: nothing is written. */
export class ReportConflictError extends Error {
  constructor(readonly idempotencyKey: string) {
    super(`idempotency key ${idempotencyKey} was already used for a different report`);
    this.name = "ReportConflictError";
  }
}

/** A report refers to something that does not exist (or not where it says): nothing is written. */
export class ReportValidationError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.en}`).join("; "));
    this.name = "ReportValidationError";
  }
}

export interface CommittedReport extends ReportReceipt {
  communeCode: string;
  provinceCode: string;
  /** the commune's counters version after this report */
  version: number;
}

/** A ledger row to write: a report, or a correction of one (then `mode` is "correction"). */
export interface LedgerEntry {
  report: CountsReport;
  mode: "increment" | "snapshot" | "correction";
  /** for corrections: the report corrected, and the delta decided from it */
  correctsId?: number;
  fixedDelta?: Counters;
  /** a held report a reviewer approved: applied whatever its figures */
  reviewed?: boolean;
}

/** A village's or commune's counters as the writer finds them (locked) at the start. */
export interface UnitState extends Counters {
  code: string;
  snapshotAsOf: string | null;
  lastReportAt: string | null;
}

export interface CommuneState extends UnitState {
  provinceCode: string;
  eligible: number;
  version: number;
}

/** Canonical content of a report, so a repeated key can be told apart from a reused one. */
export function reportContentHash(report: CountsReport): string {
  const counters = Object.fromEntries(
    COUNTER_KEYS.flatMap((key) => (report.counters[key] === undefined ? [] : [[key, report.counters[key]]])),
  );
  const canonical = JSON.stringify([
    report.communeCode,
    report.villageCode ?? null,
    report.asOf.toISOString(),
    report.reporter,
    report.source,
    report.mode,
    counters,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}
