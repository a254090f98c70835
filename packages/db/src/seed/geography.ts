import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Database } from "../client";
import { communes, provinces } from "../tables";

interface AdminUnits {
  source: string;
  provinces: (typeof provinces.$inferInsert)[];
  communes: (typeof communes.$inferInsert & { provinceCode: string })[];
}

/**
 * The 34 provinces and 3,321 communal units after the July 2025 reform, shipped with the
 * project (data/vn-admin-units.json, MIT, attribution in data/LICENSE-vietnamese-provinces-database.txt).
 */
export function readAdminUnits(): AdminUnits {
  const file = new URL("../../data/vn-admin-units.json", import.meta.url);
  const units = JSON.parse(readFileSync(file, "utf8")) as AdminUnits;
  // Names are compared and searched as NFC everywhere.
  for (const unit of [...units.provinces, ...units.communes]) {
    unit.name = unit.name.normalize("NFC");
    unit.fullName = unit.fullName.normalize("NFC");
  }
  return units;
}

const CHUNK = 500;

/** Inserts what is missing: safe to run on every start. Every commune gets a counters row. */
export async function seedGeography(db: Database): Promise<void> {
  const units = readAdminUnits();
  await db.transaction(async (tx) => {
    await tx.insert(provinces).values(units.provinces).onConflictDoNothing();
    for (let i = 0; i < units.communes.length; i += CHUNK) {
      const chunk = units.communes.slice(i, i + CHUNK).map((c) => ({
        code: c.code,
        provinceCode: c.provinceCode,
        name: c.name,
        nameEn: c.nameEn,
        fullName: c.fullName,
        fullNameEn: c.fullNameEn,
        kind: c.kind,
        areaKm2: c.areaKm2,
      }));
      await tx.insert(communes).values(chunk).onConflictDoNothing();
    }
    await tx.execute(sql`insert into commune_counters (commune_code, province_code)
      select code, province_code from communes on conflict do nothing`);
  });
}
