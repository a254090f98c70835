import { sql } from "drizzle-orm";
import type { Scope } from "@pulse/schema";
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

export interface ProvinceName {
  code: string;
  name: string;
  nameEn: string;
  fullName: string;
  fullNameEn: string;
}

export async function getProvinceName(db: Database, code: string): Promise<ProvinceName | null> {
  const [row] = await queryRows<ProvinceName>(
    db,
    sql`select code, name, name_en as "nameEn", full_name as "fullName", full_name_en as "fullNameEn" from provinces where code = ${code}`,
  );
  return row ?? null;
}

/** Every province's names, in code order. */
export async function listProvinceNames(db: Database): Promise<ProvinceName[]> {
  return queryRows<ProvinceName>(
    db,
    sql`select code, name, name_en as "nameEn", full_name as "fullName", full_name_en as "fullNameEn" from provinces order by code`,
  );
}

/** The full name of a province or commune scope, in both languages; null for the nation. */
export async function scopeUnitName(
  db: Database,
  scope: { kind: "nation" } | { kind: "province" | "commune"; code: string },
): Promise<{ vi: string; en: string } | null> {
  if (scope.kind === "nation") return null;
  const table = scope.kind === "province" ? sql`provinces` : sql`communes`;
  const [row] = await queryRows<{ vi: string; en: string }>(
    db,
    sql`select full_name as vi, full_name_en as en from ${table} where code = ${scope.code}`,
  );
  return row ?? null;
}

export interface TemplateVillage {
  code: string;
  communeCode: string;
  /** e.g. "Phường Cửa Nam" */
  communeName: string;
  villageName: string;
}

/** Every village of a scope, commune by commune in code order: the rows of the import template. */
export function listScopeVillages(db: Database, scope: Scope): Promise<TemplateVillage[]> {
  const within =
    scope.kind === "nation"
      ? sql`true`
      : scope.kind === "province"
        ? sql`c.province_code = ${scope.code}`
        : sql`c.code = ${scope.code}`;
  return queryRows<TemplateVillage>(
    db,
    sql`select v.code, v.commune_code as "communeCode", c.full_name as "communeName", v.name as "villageName"
        from villages v join communes c on c.code = v.commune_code
        where ${within} order by v.commune_code, v.seq`,
  );
}
