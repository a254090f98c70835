import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  char,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  serial,
  text,
} from "drizzle-orm/pg-core";
import { communes, villages } from "./geo";

/** A campaign: a scope, a window and a target share of eligible citizens to activate. */
export const campaigns = pgTable(
  "campaigns",
  {
    id: text().primaryKey(),
    name: text().notNull(),
    nameEn: text().notNull(),
    /** nation, province or commune */
    scopeKind: text().notNull(),
    scopeCode: text(),
    startsOn: date({ mode: "string" }).notNull(),
    deadline: date({ mode: "string" }).notNull(),
    targetRate: numeric({ precision: 4, scale: 3, mode: "number" }).notNull(),
    isDemo: boolean().notNull().default(false),
  },
  (t) => [
    check(
      "campaigns_scope",
      sql`(${t.scopeKind} = 'nation' and ${t.scopeCode} is null)
      or (${t.scopeKind} = 'province' and ${t.scopeCode} ~ '^[0-9]{2}$')
      or (${t.scopeKind} = 'commune' and ${t.scopeCode} ~ '^[0-9]{5}$')`,
    ),
    check("campaigns_window", sql`${t.deadline} >= ${t.startsOn}`),
    check("campaigns_target", sql`${t.targetRate} > 0 and ${t.targetRate} <= 1`),
  ],
);

/** Eligible population of a commune as of a date: the denominator of the activation rate. */
export const communeBaselines = pgTable(
  "commune_baselines",
  {
    id: serial().primaryKey(),
    communeCode: char({ length: 5 })
      .notNull()
      .references(() => communes.code),
    eligible: integer().notNull(),
    population: integer(),
    asOf: date({ mode: "string" }).notNull(),
    /** the ledger row that set it, when it came in as a report */
    reportId: bigint({ mode: "number" }),
    isDemo: boolean().notNull().default(false),
  },
  (t) => [
    check("commune_baselines_non_negative", sql`${t.eligible} >= 0 and coalesce(${t.population}, 0) >= 0`),
    index("commune_baselines_commune_idx").on(t.communeCode, t.asOf),
  ],
);

/**
 * Community digital-transformation teams (one per village or residential group), mobile
 * digital-literacy points, and support staff (members = people assigned).
 */
export const teams = pgTable(
  "teams",
  {
    id: serial().primaryKey(),
    communeCode: char({ length: 5 })
      .notNull()
      .references(() => communes.code),
    villageCode: text().references(() => villages.code),
    /** community_team, mobile_point or support_staff */
    kind: text().notNull(),
    name: text().notNull(),
    members: integer().notNull().default(1),
    active: boolean().notNull().default(true),
    formedOn: date({ mode: "string" }).notNull(),
    disbandedOn: date({ mode: "string" }),
    reportId: bigint({ mode: "number" }),
    isDemo: boolean().notNull().default(false),
  },
  (t) => [
    check("teams_kind", sql`${t.kind} in ('community_team', 'mobile_point', 'support_staff')`),
    check("teams_members_non_negative", sql`${t.members} >= 0`),
    check("teams_village_in_commune", sql`${t.villageCode} is null or left(${t.villageCode}, 5) = ${t.communeCode}`),
    index("teams_commune_idx").on(t.communeCode),
  ],
);
