import type { Implausible } from "@pulse/indicators";
import type { CounterKey, Scope } from "@pulse/schema";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../client";
import { reportsInScope } from "./scope-columns";

/** A report held as a probable typo: what it says, why it was held, waiting for a decision. */
export interface HeldReport {
  id: number;
  communeCode: string;
  communeName: string;
  villageCode: string | null;
  villageName: string | null;
  mode: "increment" | "snapshot";
  source: string;
  reporter: string;
  asOf: string;
  receivedAt: string;
  counters: Record<string, number>;
  /** the figures that held it, with the limits they pass */
  reasons: Implausible<CounterKey>[];
}

/** The reports awaiting review in a scope, oldest first (the first to decide). */
export function listHeldReports(
  db: Database,
  { scope, limit }: { scope: Scope; limit: number },
): Promise<HeldReport[]> {
  return queryRows<HeldReport>(
    db,
    sql`select r.id::float8 as id, r.commune_code as "communeCode", c.full_name as "communeName",
        r.village_code as "villageCode", v.name as "villageName", r.mode, r.source, r.reporter,
        to_json(r.as_of)#>>'{}' as "asOf", to_json(r.received_at)#>>'{}' as "receivedAt",
        r.payload as counters, r.review_reasons as reasons
      from reports r join communes c on c.code = r.commune_code left join villages v on v.code = r.village_code
      where r.review = 'held' and ${reportsInScope(scope)}
      order by r.received_at, r.id
      limit ${limit}`,
  );
}
