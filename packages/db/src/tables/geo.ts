import { sql } from "drizzle-orm";
import { boolean, char, check, index, integer, pgTable, real, smallint, text } from "drizzle-orm/pg-core";

export const provinces = pgTable(
  "provinces",
  {
    code: char({ length: 2 }).primaryKey(),
    name: text().notNull(),
    nameEn: text().notNull(),
    fullName: text().notNull(),
    fullNameEn: text().notNull(),
    kind: text().notNull(),
  },
  (t) => [check("provinces_code_format", sql`${t.code} ~ '^[0-9]{2}$'`)],
);

export const communes = pgTable(
  "communes",
  {
    code: char({ length: 5 }).primaryKey(),
    provinceCode: char({ length: 2 })
      .notNull()
      .references(() => provinces.code),
    name: text().notNull(),
    nameEn: text().notNull(),
    fullName: text().notNull(),
    fullNameEn: text().notNull(),
    /** xa, phuong or dac_khu */
    kind: text().notNull(),
    areaKm2: real(),
    /** true while any of this commune's figures are synthetic demo data */
    isDemo: boolean().notNull().default(false),
  },
  (t) => [
    check("communes_code_format", sql`${t.code} ~ '^[0-9]{5}$'`),
    check("communes_kind", sql`${t.kind} in ('xa', 'phuong', 'dac_khu')`),
    index("communes_province_idx").on(t.provinceCode),
  ],
);

/** Villages (thôn, bản) and residential groups (tổ dân phố): managed by each commune. */
export const villages = pgTable(
  "villages",
  {
    code: text().primaryKey(),
    communeCode: char({ length: 5 })
      .notNull()
      .references(() => communes.code),
    seq: smallint().notNull(),
    name: text().notNull(),
    /** thon, ban or to_dan_pho */
    kind: text().notNull(),
    households: integer(),
    isDemo: boolean().notNull().default(false),
  },
  (t) => [
    check("villages_code_format", sql`${t.code} ~ '^[0-9]{5}-[0-9]{3}$' and left(${t.code}, 5) = ${t.communeCode}`),
    check("villages_kind", sql`${t.kind} in ('thon', 'ban', 'to_dan_pho')`),
    index("villages_commune_idx").on(t.communeCode),
  ],
);
