import { COUNTER_KEYS, type Counters } from "@pulse/schema";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../client";
import { eachCounter } from "./counter-columns";
import type { CommuneState, UnitState } from "./entries";
import { jsonParam } from "./json-param";
import type { LedgerPlan } from "./plan";

/*
 * The ledger writer's statements: one read of the units a batch touches (locked), and four
 * set-wise writes of its plan. Each takes the same few statements whatever the batch size.
 */

const stateColumns = sql`${eachCounter((column, _d, key) => sql`${column} as ${sql.identifier(key)}`)},
  to_json(snapshot_as_of)#>>'{}' as "snapshotAsOf", to_json(last_report_at)#>>'{}' as "lastReportAt"`;
const recordsetColumns = sql.raw(COUNTER_KEYS.map((key) => `"${key}" int`).join(", "));
const recordColumns = eachCounter((_c, _d, key) => sql`x.${sql.identifier(key)}`);
const counterFields = (counters: Counters) => Object.fromEntries(COUNTER_KEYS.map((key) => [key, counters[key]]));

/** The communes' and villages' counters, locked in code order (no deadlocks), and the transaction's time. */
export async function lockUnitStates(tx: Database, communeCodes: string[], villageCodes: string[]) {
  // Sent together (postgres-js pipelines them on the transaction's connection); run in order.
  const [communeRows, villageRows] = await Promise.all([
    queryRows<CommuneState & { txNow: string }>(
      tx,
      sql`select commune_code as code, province_code as "provinceCode", eligible, version::float8 as version, ${stateColumns},
          to_json(now())#>>'{}' as "txNow"
        from commune_counters where commune_code in (select jsonb_array_elements_text(${jsonParam(communeCodes)}))
        order by commune_code for update`,
    ),
    // The villages' counters (locked; a village never reported has none yet) and their households, in one statement.
    villageCodes.length === 0
      ? Promise.resolve([])
      : queryRows<Omit<UnitState, "code"> & { code: string | null; village: string; households: number | null }>(
          tx,
          sql`with locked as materialized (
              select village_code as code, ${stateColumns}
              from village_counters where village_code in (select jsonb_array_elements_text(${jsonParam(villageCodes)}))
              order by village_code for update)
            select l.*, v.code as village, v.households
            from villages v left join locked l on l.code = v.code
            where v.code in (select jsonb_array_elements_text(${jsonParam(villageCodes)}))`,
        ),
  ]);
  const villages = new Map<string, UnitState>();
  for (const { village, households: _households, code, ...counters } of villageRows)
    if (code !== null) villages.set(village, { code, ...counters });
  return {
    communes: new Map(communeRows.map((c) => [c.code, c])),
    villages,
    households: new Map(villageRows.map((v) => [v.village, v.households])),
    txNow: communeRows[0]?.txNow,
  };
}

/** A ledger row as the insert takes it. */
export interface LedgerRow extends Record<string, unknown> {
  key: string;
}

/** The ledger rows; those whose key another transaction committed meanwhile are not returned. */
export function insertLedgerRows(tx: Database, rows: LedgerRow[]) {
  if (rows.length === 0) return Promise.resolve([]);
  return queryRows<{ id: number; key: string }>(
    tx,
    sql`insert into reports (idempotency_key, content_hash, kind, mode, commune_code, village_code, as_of, reporter, source,
        payload, corrects_id, applied, over_eligible, review, review_reasons, ${eachCounter((_c, d) => d)})
      select x.key::uuid, x.hash, 'counts', x.mode, x.commune, x.village, x.as_of::timestamptz, x.reporter, x.source,
        x.payload, x.corrects, x.applied, x.over, x.review, x.reasons, ${recordColumns}
      from jsonb_to_recordset(${jsonParam(rows)}) as x(key text, hash text, mode text, commune text, village text,
        as_of text, reporter text, source text, payload jsonb, corrects bigint, applied boolean, over boolean,
        review text, reasons jsonb, ${recordsetColumns})
      order by x.key
      on conflict (idempotency_key) do nothing
      returning id::float8 as id, idempotency_key::text as key`,
  );
}

export async function writeVillageCounters(tx: Database, villages: LedgerPlan["villages"]): Promise<void> {
  if (villages.length === 0) return;
  const rows = villages.map((v) => ({
    code: v.code,
    commune: v.commune,
    snapshot: v.snapshotAsOf,
    last: v.lastReportAt,
    ...counterFields(v),
  }));
  await tx.execute(sql`insert into village_counters (village_code, commune_code, ${eachCounter((column) => column)}, snapshot_as_of, last_report_at)
    select x.code, x.commune, ${recordColumns}, x.snapshot::timestamptz, x.last::timestamptz
    from jsonb_to_recordset(${jsonParam(rows)}) as x(code text, commune text, snapshot text, last text, ${recordsetColumns})
    order by x.code
    on conflict (village_code) do update set
      ${eachCounter((column) => sql`${column} = excluded.${column}`)},
      snapshot_as_of = excluded.snapshot_as_of, last_report_at = excluded.last_report_at`);
}

/** Adds each commune's delta; returns the communes' new versions. */
export function writeCommuneCounters(tx: Database, communes: LedgerPlan["communes"]) {
  const rows = [...communes.values()].map((c) => ({
    code: c.code,
    snapshot: c.snapshotAsOf,
    last: c.lastReportAt,
    newly: c.newlyReported,
    ...counterFields(c.delta),
  }));
  return queryRows<{ code: string; version: number }>(
    tx,
    sql`update commune_counters c set
        ${eachCounter((column, _d, key) => sql`${column} = c.${column} + x.${sql.identifier(key)}`)},
        snapshot_as_of = x.snapshot::timestamptz, last_report_at = x.last::timestamptz,
        villages_reported = c.villages_reported + x.newly, version = c.version + 1
      from jsonb_to_recordset(${jsonParam(rows)}) as x(code text, snapshot text, last text, newly int, ${recordsetColumns})
      where c.commune_code = x.code
      returning c.commune_code as code, c.version::float8 as version`,
  );
}

export async function writeDailySeries(tx: Database, daily: LedgerPlan["daily"]): Promise<void> {
  if (daily.length === 0) return;
  const rows = daily.map((d) => ({ commune: d.commune, day: d.day, reports: d.reports, ...counterFields(d.delta) }));
  await tx.execute(sql`insert into commune_daily (commune_code, day, ${eachCounter((_c, d) => d)}, reports)
    select x.commune, x.day::date, ${recordColumns}, x.reports
    from jsonb_to_recordset(${jsonParam(rows)}) as x(commune text, day text, reports int, ${recordsetColumns})
    order by x.commune, x.day
    on conflict (commune_code, day) do update set
      ${eachCounter((_c, d) => sql`${d} = commune_daily.${d} + excluded.${d}`)},
      reports = commune_daily.reports + excluded.reports`);
}
