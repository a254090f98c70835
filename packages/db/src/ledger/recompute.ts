import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Database } from "../client";
import { eachCounter } from "./counter-columns";

/*
 * Counters are a cache of the ledger. These queries say what they must be, recomputed from
 * the ledger, teams, villages and baselines; `rebuildCounters` writes that, and
 * `verifyCounters` compares it with what is stored (tests run it after every scenario;
 * `npm run db:verify` runs it on a live database).
 */

const sums = eachCounter((column, delta) => sql`coalesce(sum(r.${delta}), 0)::int as ${column}`);

/** The newest baseline of each commune: its eligible population and as-of date. */
const latestBaselines = sql`select distinct on (commune_code) commune_code, eligible, as_of
  from commune_baselines order by commune_code, as_of desc, id desc`;

/** Team figures of each commune, from its active teams. */
const teamFigures = sql`select commune_code,
    count(distinct village_code) filter (where kind = 'community_team')::int as villages_with_team,
    coalesce(sum(members) filter (where kind = 'support_staff'), 0)::int as support_staff,
    count(*) filter (where kind = 'mobile_point')::int as mobile_points
  from teams where active group by commune_code`;

/**
 * After a team or baseline change: a commune's denominator and team figures, recomputed from
 * the teams and baselines tables the same way the full recomputation does; bumps its version.
 */
export async function refreshCommuneFigures(db: Database, communeCode: string): Promise<number> {
  const [row] = await queryRows<{ version: number }>(
    db,
    sql`update commune_counters c set
        eligible = coalesce(b.eligible, 0), eligible_as_of = b.as_of,
        villages_with_team = coalesce(t.villages_with_team, 0),
        support_staff = coalesce(t.support_staff, 0), mobile_points = coalesce(t.mobile_points, 0),
        version = c.version + 1
      from (select ${communeCode}::text as code) k
      left join (${latestBaselines}) b on b.commune_code = k.code
      left join (${teamFigures}) t on t.commune_code = k.code
      where c.commune_code = k.code
      returning c.version::float8 as version`,
  );
  if (!row) throw new Error(`commune ${communeCode} has no counters row`);
  return row.version;
}

// Counters come from counts reports only; team and baseline entries move the figures above.
// A held or rejected report counts for nothing; an approved one counts from its approval.
const counted = sql`(r.review is null or r.review = 'approved')`;
const countedAt = sql`coalesce(r.reviewed_at, r.received_at)`;
const expectedVillages = sql`
  select v.code as village_code, v.commune_code, ${sums},
         max(r.as_of) filter (where r.mode = 'snapshot' and r.applied) as snapshot_as_of,
         max(${countedAt}) as last_report_at
  from villages v left join reports r on r.village_code = v.code and r.kind = 'counts' and ${counted}
  group by v.code, v.commune_code`;

const expectedCommunes = sql`
  with ledger as (
    select commune_code, ${sums}, max(${countedAt}) as last_report_at,
           max(r.as_of) filter (where r.mode = 'snapshot' and r.applied and r.village_code is null) as snapshot_as_of,
           count(distinct r.village_code)::int as villages_reported
    from reports r where r.kind = 'counts' and ${counted} group by commune_code
  ),
  baseline as (${latestBaselines}),
  village_count as (select commune_code, count(*)::int as n from villages group by commune_code),
  team_figures as (${teamFigures})
  select c.code as commune_code, c.province_code,
    ${eachCounter((column) => sql`coalesce(l.${column}, 0) as ${column}`)},
    coalesce(b.eligible, 0) as eligible, b.as_of as eligible_as_of,
    coalesce(vc.n, 0) as villages_total,
    coalesce(t.villages_with_team, 0) as villages_with_team,
    coalesce(l.villages_reported, 0) as villages_reported,
    coalesce(t.support_staff, 0) as support_staff,
    coalesce(t.mobile_points, 0) as mobile_points,
    l.snapshot_as_of, l.last_report_at
  from communes c
  left join ledger l on l.commune_code = c.code
  left join baseline b on b.commune_code = c.code
  left join village_count vc on vc.commune_code = c.code
  left join team_figures t on t.commune_code = c.code`;

const expectedDaily = sql`
  select r.commune_code, (r.as_of at time zone 'Asia/Ho_Chi_Minh')::date as day,
    ${eachCounter((_column, delta) => sql`sum(r.${delta})::int as ${delta}`)}, count(*)::int as reports
  from reports r where r.kind = 'counts' and ${counted} group by 1, 2`;

const communeFigureColumns = sql`eligible, eligible_as_of, villages_total, villages_with_team,
  villages_reported, support_staff, mobile_points, snapshot_as_of, last_report_at`;

/** Rewrites every counter from the ledger (after a bulk load, or to repair). */
export async function rebuildCounters(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from village_counters`);
    await tx.execute(sql`insert into village_counters (village_code, commune_code,
        ${eachCounter((column) => column)}, snapshot_as_of, last_report_at)
      select * from (${expectedVillages}) e`);
    await tx.execute(sql`insert into commune_counters (commune_code, province_code,
        ${eachCounter((column) => column)}, ${communeFigureColumns})
      select commune_code, province_code, ${eachCounter((column) => column)},
        eligible, eligible_as_of, villages_total, villages_with_team, villages_reported,
        support_staff, mobile_points, snapshot_as_of, last_report_at
      from (${expectedCommunes}) e
      on conflict (commune_code) do update set
        ${eachCounter((column) => sql`${column} = excluded.${column}`)},
        eligible = excluded.eligible, eligible_as_of = excluded.eligible_as_of,
        villages_total = excluded.villages_total, villages_with_team = excluded.villages_with_team,
        villages_reported = excluded.villages_reported, support_staff = excluded.support_staff,
        mobile_points = excluded.mobile_points, snapshot_as_of = excluded.snapshot_as_of,
        last_report_at = excluded.last_report_at,
        version = commune_counters.version + 1`);
    await tx.execute(sql`delete from commune_daily`);
    await tx.execute(sql`insert into commune_daily (commune_code, day,
        ${eachCounter((_column, delta) => delta)}, reports)
      select * from (${expectedDaily}) e`);
  });
}

export interface CounterMismatch {
  table: "village_counters" | "commune_counters" | "commune_daily";
  key: string;
  expected: string | null;
  actual: string | null;
}

/** Rows whose stored value differs from the recomputation, compared as JSON. */
function mismatches(
  table: CounterMismatch["table"],
  expected: SQL,
  actualTable: SQL,
  keyColumns: SQL,
  keyExpr: SQL,
  columns: SQL,
): SQL {
  return sql`
    with e as (select ${keyColumns}, to_jsonb(x) as doc from (select ${keyColumns}, ${columns} from (${expected}) q) x),
         a as (select ${keyColumns}, to_jsonb(x) as doc from (select ${keyColumns}, ${columns} from ${actualTable} q) x)
    select ${table} as "table", ${keyExpr} as key, e.doc::text as expected, a.doc::text as actual
    from e full outer join a using (${keyColumns})
    where e.doc is distinct from a.doc`;
}

const dailyColumns = sql`${eachCounter((_column, delta) => delta)}, reports`;

/** An empty list when counters, commune figures and the daily series equal the ledger. */
export async function verifyCounters(db: Database): Promise<CounterMismatch[]> {
  const villageColumns = sql`${eachCounter((column) => column)}, snapshot_as_of, last_report_at`;
  const communeColumns = sql`${eachCounter((column) => column)}, ${communeFigureColumns}`;
  const checks = [
    mismatches(
      "village_counters",
      expectedVillages,
      sql`village_counters`,
      sql`village_code`,
      sql`village_code`,
      villageColumns,
    ),
    mismatches(
      "commune_counters",
      expectedCommunes,
      sql`commune_counters`,
      sql`commune_code`,
      sql`commune_code`,
      communeColumns,
    ),
    mismatches(
      "commune_daily",
      expectedDaily,
      sql`commune_daily`,
      sql`commune_code, day`,
      sql`commune_code || ' ' || day::text`,
      dailyColumns,
    ),
  ];
  const found: CounterMismatch[] = [];
  for (const check of checks) found.push(...(await queryRows<CounterMismatch>(db, check)));
  return found;
}
