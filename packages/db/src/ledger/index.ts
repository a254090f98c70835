/*
 * The ledger: every report, correction, team and baseline change is a row here, written once
 * under its idempotency key, and the counters tables are its cache.
 *   entries.ts       what a ledger row is; content hashes; the errors a write refuses with
 *   plan.ts          what a batch changes (pure)
 *   write.ts         one transaction: read and lock, plan, write, receipts
 *   group-commit.ts  single reports arriving together share a transaction
 *   review.ts        a report held as a probable typo, approved (applied once) or rejected
 *   corrections.ts, changes.ts   the other kinds of entry
 *   recompute.ts     counters recomputed from the ledger (db:verify)
 */
export * from "./entries";
export { planLedgerWrite, type LedgerPlan, type LedgerState } from "./plan";
export { writeLedgerEntries, type WriteOptions } from "./write";
export { submitCountsReport, submitReports } from "./group-commit";
export { checkReportReferences } from "./references";
export { receiptsOfExisting } from "./receipts";
export * from "./corrections";
export * from "./review";
export * from "./changes";
export * from "./recompute";
