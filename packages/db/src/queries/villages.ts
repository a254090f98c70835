import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../client";

export interface VillageRef {
  code: string;
  communeCode: string;
}

/** Every demo village, for the demo feed to pick from. */
export function listDemoVillages(db: Database): Promise<VillageRef[]> {
  return queryRows<VillageRef>(
    db,
    sql`select code, commune_code as "communeCode" from villages where is_demo or commune_code in (select code from communes where is_demo) order by code`,
  );
}
