import type { Scope } from "@pulse/schema";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Database } from "../client";
import { reportsInScope } from "./scope-columns";

export interface RecentReport {
  id: number;
  communeCode: string;
  communeName: string;
  villageCode: string | null;
  villageName: string | null;
  mode: string;
  source: string;
  /** the reporting team as it named itself (a team, never a person's data) */
  reporter: string;
  asOf: string;
  receivedAt: string;
  applied: boolean;
  overEligible: boolean;
  correctsId: number | null;
  /** "approved" for a report held as a probable typo and approved since; null otherwise */
  review: "approved" | null;
  /** what was submitted (counts only: no personal data is ever stored) */
  counters: Record<string, number>;
}

/** The newest reports in a scope that count, corrections included (they reference what they correct). */
export function listRecentReports(
  db: Database,
  { scope, limit }: { scope: Scope; limit: number },
): Promise<RecentReport[]> {
  return selectReports(db, reportsInScope(scope), limit);
}

/** The given reports, newest first: what the live hub's pushes carry as recent activity. */
export function listReportsById(db: Database, ids: number[]): Promise<RecentReport[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return selectReports(
    db,
    sql`r.id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
    ids.length,
  );
}

function selectReports(db: Database, where: SQL, limit: number): Promise<RecentReport[]> {
  return queryRows<RecentReport>(
    db,
    sql`select r.id::float8 as id, r.commune_code as "communeCode", c.full_name as "communeName",
        r.village_code as "villageCode", v.name as "villageName", r.mode, r.source, r.reporter,
        to_json(r.as_of)#>>'{}' as "asOf", to_json(r.received_at)#>>'{}' as "receivedAt",
        r.applied, r.over_eligible as "overEligible", r.corrects_id::float8 as "correctsId",
        r.review, r.payload as counters
      from reports r join communes c on c.code = r.commune_code left join villages v on v.code = r.village_code
      where (${where}) and (r.review is null or r.review = 'approved')
      order by r.received_at desc, r.id desc
      limit ${limit}`,
  );
}
