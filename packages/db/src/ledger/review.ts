import { fieldError, zeroCounters, type CountsReport, type ReviewState } from "@pulse/schema";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../client";
import { eachCounter } from "./counter-columns";
import { ReportValidationError, type CommittedReport } from "./entries";
import { isOverEligible, planLedgerWrite } from "./plan";
import { lockUnitStates, writeCommuneCounters, writeDailySeries, writeVillageCounters } from "./statements";

/*
 * A held report is decided once. Approved, it is planned again against the counters as they are
 * now (so a snapshot is compared with today's totals) and applied in the same transaction that
 * marks it approved: its ledger row gets its deltas then, once, and the daily series counts it.
 * Rejected, it stays in the ledger moving nothing. Either way the row keeps who decided and when.
 */

/** The report was already approved or rejected (perhaps by someone else a moment ago). */
export class ReviewDecidedError extends Error {
  constructor(readonly review: ReviewState | null) {
    super(review ? `report was already ${review}` : "report was not held for review");
    this.name = "ReviewDecidedError";
  }
}

export interface ReviewDecision {
  reportId: number;
  decision: "approve" | "reject";
  /** who decided, as the audit log names them */
  reviewer: string;
}

interface HeldRow {
  id: number;
  key: string;
  mode: "increment" | "snapshot";
  commune_code: string;
  village_code: string | null;
  as_of: string;
  received_at: string;
  reporter: string;
  source: CountsReport["source"];
  payload: CountsReport["counters"];
  review: ReviewState | null;
  province_code: string;
  version: number;
}

/** Approves (applies, once) or rejects a held report; the receipt it now has. */
export async function decideHeldReport(db: Database, decision: ReviewDecision): Promise<CommittedReport> {
  return db.transaction(async (tx) => {
    const [held] = await queryRows<HeldRow>(
      tx,
      sql`select r.id::float8 as id, r.idempotency_key::text as key, r.mode, r.commune_code, r.village_code,
          to_json(r.as_of)#>>'{}' as as_of,
          to_json(r.received_at)#>>'{}' as received_at, r.reporter, r.source, r.payload, r.review,
          c.province_code, c.version::float8 as version
        from reports r join commune_counters c using (commune_code)
        where r.id = ${decision.reportId} and r.kind = 'counts' and r.mode <> 'correction'
        for update of r`,
    );
    if (!held) throw new ReportValidationError([fieldError("reportId", "unknownReport")]);
    if (held.review !== "held") throw new ReviewDecidedError(held.review);
    return decision.decision === "reject" ? reject(tx, held, decision.reviewer) : approve(tx, held, decision.reviewer);
  });
}

const receiptOf = (held: HeldRow, fields: Partial<CommittedReport>): CommittedReport => ({
  reportId: held.id,
  idempotencyKey: held.key,
  receivedAt: new Date(held.received_at),
  applied: false,
  duplicate: false,
  overEligible: false,
  review: "rejected",
  communeCode: held.commune_code,
  provinceCode: held.province_code,
  version: held.version,
  ...fields,
});

async function reject(tx: Database, held: HeldRow, reviewer: string): Promise<CommittedReport> {
  await tx.execute(
    sql`update reports set review = 'rejected', reviewed_by = ${reviewer}, reviewed_at = now() where id = ${held.id}`,
  );
  return receiptOf(held, {});
}

async function approve(tx: Database, held: HeldRow, reviewer: string): Promise<CommittedReport> {
  const report: CountsReport = {
    idempotencyKey: held.key,
    communeCode: held.commune_code,
    ...(held.village_code ? { villageCode: held.village_code } : {}),
    asOf: new Date(held.as_of),
    reporter: held.reporter,
    source: held.source,
    mode: held.mode,
    counters: held.payload,
  };
  const units = await lockUnitStates(tx, [held.commune_code], held.village_code ? [held.village_code] : []);
  const receivedAt = units.txNow ?? new Date().toISOString();
  const plan = planLedgerWrite([{ report, mode: held.mode, reviewed: true }], [held.key], {
    ...units,
    existingHashes: new Map(),
    receivedAt,
  });
  const { delta, applied } = plan.decided[0] ?? { delta: zeroCounters(), applied: false };
  const over = isOverEligible(plan, held.commune_code);
  const [, versionRows] = await Promise.all([
    writeVillageCounters(tx, plan.villages),
    writeCommuneCounters(tx, plan.communes),
    writeDailySeries(tx, plan.daily),
    tx.execute(sql`update reports set review = 'approved', reviewed_by = ${reviewer},
        reviewed_at = ${receivedAt}::timestamptz, applied = ${applied}, over_eligible = ${over},
        ${eachCounter((_column, deltaColumn, key) => sql`${deltaColumn} = ${delta[key]}`)}
      where id = ${held.id}`),
  ]);
  return receiptOf(held, {
    applied,
    overEligible: over,
    review: "approved",
    version: versionRows[0]?.version ?? held.version,
  });
}
