import type { Scope } from "@pulse/schema";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../client";

/** A village or residential group as a commune's wall ranks it (counts only). */
export interface VillageProgress {
  code: string;
  name: string;
  /** thon, ban or to_dan_pho */
  kind: string;
  households: number | null;
  householdsVisited: number;
  eidL2Registered: number;
  eidL2Activated: number;
  peopleTrained: number;
  hasTeam: boolean;
  lastReportAt: string | null;
}

/** Level-2 activations per calendar day (Asia/Ho_Chi_Minh) of one commune, from `from` on. */
export interface DailyActivations {
  day: string;
  activated: number;
}

/** Every village of a commune with its counters and whether an active community team serves it. */
export function listVillageProgress(db: Database, communeCode: string): Promise<VillageProgress[]> {
  return queryRows<VillageProgress>(
    db,
    sql`select v.code, v.name, v.kind, v.households,
        coalesce(vc.households_visited, 0)::float8 as "householdsVisited",
        coalesce(vc.eid_l2_registered, 0)::float8 as "eidL2Registered",
        coalesce(vc.eid_l2_activated, 0)::float8 as "eidL2Activated",
        coalesce(vc.people_trained, 0)::float8 as "peopleTrained",
        exists (select 1 from teams t where t.village_code = v.code and t.kind = 'community_team' and t.active) as "hasTeam",
        to_json(vc.last_report_at)#>>'{}' as "lastReportAt"
      from villages v left join village_counters vc on vc.village_code = v.code
      where v.commune_code = ${communeCode}
      order by v.seq`,
  );
}

/** Activations per day of a commune, a province or the nation, from `from` (inclusive); days without reports left out. */
export function listDailyActivations(
  db: Database,
  { scope, from }: { scope: Scope; from: string },
): Promise<DailyActivations[]> {
  const where =
    scope.kind === "nation"
      ? sql`true`
      : scope.kind === "province"
        ? sql`d.commune_code in (select code from communes where province_code = ${scope.code})`
        : sql`d.commune_code = ${scope.code}`;
  return queryRows<DailyActivations>(
    db,
    sql`select to_char(d.day, 'YYYY-MM-DD') as day, sum(d.d_eid_l2_activated)::float8 as activated
      from commune_daily d where ${where} and d.day >= ${from}::date
      group by d.day order by d.day`,
  );
}

/** An active team of a commune: community digital team, mobile point or support staff (no names of people). */
export interface CommuneTeam {
  id: number;
  kind: string;
  name: string;
  members: number;
  villageCode: string | null;
  formedOn: string;
}

/** A commune's active teams, community teams first, then mobile points, then support staff. */
export function listCommuneTeams(db: Database, communeCode: string): Promise<CommuneTeam[]> {
  return queryRows<CommuneTeam>(
    db,
    sql`select id, kind, name, members, village_code as "villageCode", to_char(formed_on, 'YYYY-MM-DD') as "formedOn"
      from teams where commune_code = ${communeCode} and active
      order by case kind when 'community_team' then 0 when 'mobile_point' then 1 else 2 end, id`,
  );
}
