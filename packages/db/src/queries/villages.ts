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

/** Every commune code and every village's commune: what a bulk import checks rows against in memory. */
export async function loadUnitIndex(db: Database): Promise<{ communes: Set<string>; villages: Map<string, string> }> {
  const communes = await queryRows<{ code: string }>(db, sql`select code from communes`);
  const villages = await queryRows<VillageRef>(db, sql`select code, commune_code as "communeCode" from villages`);
  return {
    communes: new Set(communes.map((c) => c.code)),
    villages: new Map(villages.map((v) => [v.code, v.communeCode])),
  };
}
