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

export interface UnitIndex {
  /** commune code → its province's code */
  communes: Map<string, string>;
  /** village code → its commune's code */
  villages: Map<string, string>;
}

/** Every commune's province and every village's commune: what imports and scope checks use in memory. */
export async function loadUnitIndex(db: Database): Promise<UnitIndex> {
  const communes = await queryRows<{ code: string; provinceCode: string }>(
    db,
    sql`select code, province_code as "provinceCode" from communes`,
  );
  const villages = await queryRows<VillageRef>(db, sql`select code, commune_code as "communeCode" from villages`);
  return {
    communes: new Map(communes.map((c) => [c.code, c.provinceCode])),
    villages: new Map(villages.map((v) => [v.code, v.communeCode])),
  };
}

/** The commune a report was filed for: what a correction's scope is checked against. */
export async function communeOfReport(db: Database, reportId: number): Promise<string | null> {
  const [row] = await queryRows<{ communeCode: string }>(
    db,
    sql`select commune_code as "communeCode" from reports where id = ${reportId}`,
  );
  return row?.communeCode ?? null;
}
