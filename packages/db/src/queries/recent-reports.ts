import type { Scope } from "@pulse/schema";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../client";

export interface RecentReport {
  id: number;
  communeCode: string;
  communeName: string;
  villageCode: string | null;
  villageName: string | null;
  mode: string;
  source: string;
  asOf: string;
  receivedAt: string;
  applied: boolean;
  overEligible: boolean;
  correctsId: number | null;
  /** what was submitted (counts only: no personal data is ever stored) */
  counters: Record<string, number>;
}

/** The newest reports in a scope, corrections included (they reference what they correct). */
export function listRecentReports(
  db: Database,
  { scope, limit }: { scope: Scope; limit: number },
): Promise<RecentReport[]> {
  const where =
    scope.kind === "nation"
      ? sql`true`
      : scope.kind === "province"
        ? sql`c.province_code = ${scope.code}`
        : sql`r.commune_code = ${scope.code}`;
  return queryRows<RecentReport>(
    db,
    sql`select r.id::float8 as id, r.commune_code as "communeCode", c.full_name as "communeName",
        r.village_code as "villageCode", v.name as "villageName", r.mode, r.source,
        to_json(r.as_of)#>>'{}' as "asOf", to_json(r.received_at)#>>'{}' as "receivedAt",
        r.applied, r.over_eligible as "overEligible", r.corrects_id::float8 as "correctsId", r.payload as counters
      from reports r join communes c on c.code = r.commune_code left join villages v on v.code = r.village_code
      where ${where}
      order by r.received_at desc, r.id desc
      limit ${limit}`,
  );
}
