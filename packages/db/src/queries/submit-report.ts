import { createHash } from "node:crypto";
import { COUNTER_KEYS, zeroCounters, type Counters, type CountsReport, type ReportReceipt } from "@pulse/schema";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../client";
import { COUNTER_COLUMNS, eachCounter } from "./counter-columns";

/** The same idempotency key came back with other content: nothing is written. */
export class ReportConflictError extends Error {
  constructor(readonly idempotencyKey: string) {
    super(`idempotency key ${idempotencyKey} was already used for a different report`);
    this.name = "ReportConflictError";
  }
}

export interface CommittedReport extends ReportReceipt {
  communeCode: string;
  provinceCode: string;
  /** the commune's counters version after this report */
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

interface LedgerRow {
  id: number;
  content_hash: string;
  received_at: string;
  applied: boolean;
  over_eligible: boolean;
  commune_code: string;
  province_code: string;
  version: number;
}

interface CurrentCounters extends Counters {
  snapshotAsOf: string | null;
  lastReportAt: string | null;
}

const currentColumns = sql`${eachCounter((column, _delta, key) => sql`${column} as ${sql.identifier(key)}`)},
  to_json(snapshot_as_of)#>>'{}' as "snapshotAsOf", to_json(last_report_at)#>>'{}' as "lastReportAt"`;

/** The change a report makes: increments add; a snapshot sets what it names, unless an as-of time newer than it was already applied. */
function deltaOf(report: CountsReport, current: CurrentCounters | undefined): { delta: Counters; applied: boolean } {
  const delta = zeroCounters();
  if (report.mode === "increment") {
    for (const key of COUNTER_KEYS) delta[key] = report.counters[key] ?? 0;
    return { delta, applied: true };
  }
  if (current?.snapshotAsOf && new Date(current.snapshotAsOf) > report.asOf) return { delta, applied: false };
  for (const key of COUNTER_KEYS) {
    const value = report.counters[key];
    if (value !== undefined) delta[key] = value - (current?.[key] ?? 0);
  }
  return { delta, applied: true };
}

/**
 * One counts report, in one transaction: the ledger row, the village and commune counters
 * and the daily series. The same key again returns the first receipt and counts nothing.
 */
export async function submitCountsReport(db: Database, report: CountsReport): Promise<CommittedReport> {
  const contentHash = reportContentHash(report);
  return db.transaction(async (tx) => {
    const [inserted] = await queryRows<{ id: number; received_at: string }>(
      tx,
      sql`insert into reports (idempotency_key, content_hash, kind, mode, commune_code, village_code, as_of, reporter, source, payload)
        values (${report.idempotencyKey}, ${contentHash}, 'counts', ${report.mode}, ${report.communeCode},
          ${report.villageCode ?? null}, ${report.asOf.toISOString()}::timestamptz, ${report.reporter}, ${report.source},
          ${JSON.stringify(report.counters)}::jsonb)
        on conflict (idempotency_key) do nothing
        returning id::float8 as id, to_json(received_at)#>>'{}' as received_at`,
    );
    if (!inserted) return receiptOfExisting(tx, report.idempotencyKey, contentHash);

    const asOf = sql`${report.asOf.toISOString()}::timestamptz`;
    const receivedAt = sql`${inserted.received_at}::timestamptz`;
    const isSnapshot = report.mode === "snapshot";
    let villageFirstReport = false;
    let current: CurrentCounters | undefined;
    if (report.villageCode) {
      [current] = await queryRows<CurrentCounters>(
        tx,
        sql`select ${currentColumns} from village_counters where village_code = ${report.villageCode} for update`,
      );
      villageFirstReport = !current?.lastReportAt;
    } else if (isSnapshot) {
      [current] = await queryRows<CurrentCounters>(
        tx,
        sql`select ${currentColumns} from commune_counters where commune_code = ${report.communeCode} for update`,
      );
    }
    const { delta, applied } = deltaOf(report, current);
    const movedSnapshot = isSnapshot && applied ? asOf : sql`null::timestamptz`;
    const deltaValues = sql.join(
      COUNTER_KEYS.map((key) => sql`${delta[key]}::int`),
      sql`, `,
    );

    if (report.villageCode) {
      await tx.execute(sql`insert into village_counters (village_code, commune_code, ${eachCounter((column) => column)}, snapshot_as_of, last_report_at)
        values (${report.villageCode}, ${report.communeCode}, ${deltaValues}, ${movedSnapshot}, ${receivedAt})
        on conflict (village_code) do update set
          ${eachCounter((column) => sql`${column} = village_counters.${column} + excluded.${column}`)},
          snapshot_as_of = greatest(village_counters.snapshot_as_of, excluded.snapshot_as_of),
          last_report_at = greatest(village_counters.last_report_at, excluded.last_report_at)`);
    }
    const communeSnapshot = report.villageCode ? sql`null::timestamptz` : movedSnapshot;
    const [commune] = await queryRows<{ eligible: number; activated: number; province_code: string; version: number }>(
      tx,
      sql`update commune_counters set
          ${eachCounter((column, _d, key) => sql`${column} = ${column} + ${delta[key]}::int`)},
          snapshot_as_of = greatest(snapshot_as_of, ${communeSnapshot}),
          last_report_at = greatest(last_report_at, ${receivedAt}),
          villages_reported = villages_reported + ${villageFirstReport ? 1 : 0}::int,
          version = version + 1
        where commune_code = ${report.communeCode}
        returning eligible, ${sql.raw(COUNTER_COLUMNS.eidL2Activated)} as activated, province_code, version::float8 as version`,
    );
    if (!commune) throw new Error(`commune ${report.communeCode} has no counters row`);
    await tx.execute(sql`insert into commune_daily (commune_code, day, ${eachCounter((_c, d) => d)}, reports)
      values (${report.communeCode}, (${asOf} at time zone 'Asia/Ho_Chi_Minh')::date, ${deltaValues}, 1)
      on conflict (commune_code, day) do update set
        ${eachCounter((_c, d) => sql`${d} = commune_daily.${d} + excluded.${d}`)},
        reports = commune_daily.reports + 1`);
    const overEligible = commune.eligible > 0 && commune.activated > commune.eligible;
    await tx.execute(sql`update reports set ${eachCounter((_c, d, key) => sql`${d} = ${delta[key]}::int`)},
        applied = ${applied}, over_eligible = ${overEligible}
      where id = ${inserted.id}`);
    return {
      reportId: inserted.id,
      idempotencyKey: report.idempotencyKey,
      receivedAt: new Date(inserted.received_at),
      applied,
      duplicate: false,
      overEligible,
      communeCode: report.communeCode,
      provinceCode: commune.province_code,
      version: commune.version,
    };
  });
}

async function receiptOfExisting(db: Database, idempotencyKey: string, contentHash: string): Promise<CommittedReport> {
  const [row] = await queryRows<LedgerRow>(
    db,
    sql`select r.id::float8 as id, r.content_hash, to_json(r.received_at)#>>'{}' as received_at, r.applied, r.over_eligible,
        r.commune_code, c.province_code, c.version::float8 as version
      from reports r join commune_counters c using (commune_code) where r.idempotency_key = ${idempotencyKey}`,
  );
  if (!row) throw new Error(`report ${idempotencyKey} vanished after a key conflict`);
  if (row.content_hash !== contentHash) throw new ReportConflictError(idempotencyKey);
  return {
    reportId: row.id,
    idempotencyKey,
    receivedAt: new Date(row.received_at),
    applied: row.applied,
    duplicate: true,
    overEligible: row.over_eligible,
    communeCode: row.commune_code,
    provinceCode: row.province_code,
    version: row.version,
  };
}
