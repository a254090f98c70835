import { COUNTER_KEYS, fieldError, zeroCounters, type CorrectionReport } from "@pulse/schema";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../client";
import { ReportValidationError, type CommittedReport } from "./entries";
import { writeLedgerEntries } from "./write";

interface OriginalReport {
  id: number;
  commune_code: string;
  village_code: string | null;
  as_of: string;
  applied: boolean;
  review: string | null;
  payload: Record<string, number>;
  corrected: Record<string, number> | null;
}

/**
 * A correction is a new ledger row referencing the report it corrects; it moves counters by
 * (corrected value − what the report last said, after earlier corrections) for each named
 * counter. A late snapshot that never moved counters moves nothing when corrected.
 */
export async function correctReport(db: Database, correction: CorrectionReport): Promise<CommittedReport> {
  const [original] = await queryRows<OriginalReport>(
    db,
    sql`select r.id::float8 as id, r.commune_code, r.village_code, to_json(r.as_of)#>>'{}' as as_of, r.applied, r.review, r.payload,
        (select c.payload from reports c where c.corrects_id = r.id order by c.id desc limit 1) as corrected
      from reports r where r.id = ${correction.correctsReportId} and r.kind = 'counts'`,
  );
  if (!original) throw new ReportValidationError([fieldError("correctsReportId", "unknownReport")]);
  if (original.review === "held" || original.review === "rejected")
    throw new ReportValidationError([fieldError("correctsReportId", "reportNotCounted")]);
  const said = { ...original.payload, ...(original.corrected ?? {}) };
  const delta = zeroCounters();
  if (original.applied) {
    for (const key of COUNTER_KEYS) {
      const value = correction.counters[key];
      if (value !== undefined) delta[key] = value - (said[key] ?? 0);
    }
  }
  const [receipt] = await writeLedgerEntries(db, [
    {
      report: {
        idempotencyKey: correction.idempotencyKey,
        communeCode: original.commune_code,
        ...(original.village_code ? { villageCode: original.village_code } : {}),
        asOf: new Date(original.as_of),
        reporter: correction.reporter,
        source: correction.source,
        mode: "increment",
        counters: correction.counters,
      },
      mode: "correction",
      correctsId: original.id,
      fixedDelta: delta,
    },
  ]);
  if (!receipt) throw new Error("no receipt");
  return receipt;
}
