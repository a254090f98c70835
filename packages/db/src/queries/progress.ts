import type { UnitCounts } from "@pulse/indicators";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Database } from "../client";
import { eachCounter } from "../ledger/counter-columns";

/** A unit's names and counters as dashboards read them (from counters, never the ledger). */
export interface UnitProgressRow extends UnitCounts {
  code: string;
  name: string;
  nameEn: string;
  fullName: string;
  fullNameEn: string;
  kind: string;
  /** communes summed into this row (1 for a commune) */
  communes: number;
  villagesReported: number;
  lastReportAt: string | null;
  /** any synthetic figure inside: the UI says "demo data" */
  isDemo: boolean;
  version: number;
}

const summed = sql`${eachCounter((column, _d, key) => sql`coalesce(sum(cc.${column}), 0)::float8 as ${sql.identifier(key)}`)},
  coalesce(sum(cc.eligible), 0)::float8 as "eligible",
  coalesce(sum(cc.villages_total), 0)::float8 as "villagesTotal",
  coalesce(sum(cc.villages_with_team), 0)::float8 as "villagesWithTeam",
  coalesce(sum(cc.villages_reported), 0)::float8 as "villagesReported",
  coalesce(sum(cc.support_staff), 0)::float8 as "supportStaff",
  coalesce(sum(w.activated), 0)::float8 as "activatedLast7Days",
  to_json(max(cc.last_report_at))#>>'{}' as "lastReportAt",
  bool_or(c.is_demo) as "isDemo",
  count(*)::int as "communes",
  coalesce(sum(cc.version), 0)::float8 as "version"`;

/** Activations per commune over the 7 days ending `today` (Asia/Ho_Chi_Minh), today included. */
function lastWeek(today: string, where: SQL): SQL {
  return sql`select d.commune_code, sum(d.d_eid_l2_activated) as activated
    from commune_daily d join communes c on c.code = d.commune_code
    where d.day > ${today}::date - 7 and d.day <= ${today}::date and ${where}
    group by d.commune_code`;
}

function progressQuery(groupBy: "province" | "commune", where: SQL, today: string): SQL {
  const unit =
    groupBy === "province"
      ? sql`p.code, p.name, p.name_en as "nameEn", p.full_name as "fullName", p.full_name_en as "fullNameEn", p.kind`
      : sql`c.code, c.name, c.name_en as "nameEn", c.full_name as "fullName", c.full_name_en as "fullNameEn", c.kind`;
  const group = groupBy === "province" ? sql`p.code` : sql`c.code`;
  return sql`select ${unit}, ${summed}
    from communes c
    join provinces p on p.code = c.province_code
    join commune_counters cc on cc.commune_code = c.code
    left join (${lastWeek(today, where)}) w on w.commune_code = c.code
    where ${where}
    group by ${group}
    order by ${group}`;
}

export interface ProgressParams {
  /** today in Asia/Ho_Chi_Minh, YYYY-MM-DD */
  today: string;
}

function codeList(codes: string[]): SQL {
  return sql.join(
    codes.map((code) => sql`${code}`),
    sql`, `,
  );
}

/** The 34 provinces (or the ones named), each the sum of its communes' counters. */
export function listProvinceProgress(
  db: Database,
  { today, provinceCodes }: ProgressParams & { provinceCodes?: string[] },
): Promise<UnitProgressRow[]> {
  const where = provinceCodes ? sql`c.province_code in (${codeList(provinceCodes)})` : sql`true`;
  if (provinceCodes?.length === 0) return Promise.resolve([]);
  return queryRows<UnitProgressRow>(db, progressQuery("province", where, today));
}

/**
 * Each province's version (the sum of its communes'): a tenth of the cost of its progress, so the
 * live hub re-reads only the provinces whose figures moved.
 */
export function listProvinceVersions(db: Database): Promise<{ code: string; version: number }[]> {
  return queryRows(
    db,
    sql`select c.province_code as code, coalesce(sum(cc.version), 0)::float8 as version
      from communes c join commune_counters cc on cc.commune_code = c.code
      group by c.province_code order by c.province_code`,
  );
}

/** Every commune of one province, or of the whole country (3,321 rows). */
export function listCommuneProgress(
  db: Database,
  { today, provinceCode }: ProgressParams & { provinceCode?: string },
): Promise<UnitProgressRow[]> {
  const where = provinceCode === undefined ? sql`true` : sql`c.province_code = ${provinceCode}`;
  return queryRows<UnitProgressRow>(db, progressQuery("commune", where, today));
}

/** Chosen communes, wherever they are (live updates re-read only what changed). */
export function getCommunesProgress(
  db: Database,
  { today, communeCodes }: ProgressParams & { communeCodes: string[] },
): Promise<UnitProgressRow[]> {
  if (communeCodes.length === 0) return Promise.resolve([]);
  return queryRows<UnitProgressRow>(db, progressQuery("commune", sql`c.code in (${codeList(communeCodes)})`, today));
}

/** How many more activations a commune can take before passing its eligible population. */
export async function activationHeadroom(db: Database, communeCode: string): Promise<number> {
  const [row] = await queryRows<{ headroom: number }>(
    db,
    sql`select eligible - eid_l2_activated as headroom from commune_counters where commune_code = ${communeCode}`,
  );
  return row?.headroom ?? 0;
}
