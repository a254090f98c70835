import { z } from "zod";
import { communeCode, villageCode } from "./codes";
import { counterValues } from "./counters";
import { asOfTime, singleLineText } from "./text";

export const reportSource = z.enum(["field", "csv", "api", "demo"]);
export type ReportSource = z.infer<typeof reportSource>;

/** Increments add to the counters; a snapshot states cumulative values as of a time. */
export const reportMode = z.enum(["increment", "snapshot"]);
export type ReportMode = z.infer<typeof reportMode>;

/** A counts report as it enters the system, from any way in (form, CSV, tRPC, HTTP, demo feed). */
export const countsReport = z.object({
  idempotencyKey: z.uuid(),
  communeCode,
  villageCode: villageCode.optional(),
  asOf: asOfTime,
  reporter: singleLineText(1, 120),
  source: reportSource,
  mode: reportMode,
  counters: counterValues.refine((values) => Object.values(values).some((v) => v !== undefined), {
    params: { rule: "emptyReport" },
  }),
});
export type CountsReport = z.infer<typeof countsReport>;

/**
 * A report with a probable typo is held for review instead of applied: a commune or province
 * user approves it (then it counts, once) or rejects it (it never does).
 */
export const reviewState = z.enum(["held", "approved", "rejected"]);
export type ReviewState = z.infer<typeof reviewState>;

/** What the sender gets back once the report is committed; the same receipt for a repeated key. */
export interface ReportReceipt {
  reportId: number;
  idempotencyKey: string;
  receivedAt: Date;
  /** false when a snapshot older than the current one was kept in the ledger without moving counters */
  applied: boolean;
  /** true when this key had already been received: nothing was counted again */
  duplicate: boolean;
  /** activated went above eligible: accepted, flagged on screens */
  overEligible: boolean;
  /** null when it counted on arrival; otherwise where its review stands (now, for a repeated key) */
  review: ReviewState | null;
}

/** A correction: new cumulative values for what a report said, referencing it; a new ledger row. */
export const correctionReport = z.object({
  idempotencyKey: z.uuid(),
  correctsReportId: z.number().int().positive(),
  reporter: singleLineText(1, 120),
  source: reportSource,
  /** the values the corrected report should have carried */
  counters: counterValues.refine((values) => Object.values(values).some((v) => v !== undefined), {
    params: { rule: "emptyReport" },
  }),
});
export type CorrectionReport = z.infer<typeof correctionReport>;

/** At most this many reports in one batch (all or nothing). */
export const MAX_BATCH = 1000;
export const reportBatch = z.array(countsReport).min(1).max(MAX_BATCH);
