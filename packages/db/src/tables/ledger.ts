import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  char,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { counterColumns, deltaColumns, nonNegative } from "./columns";
import { communes, villages } from "./geo";

/**
 * The append-only report ledger. Every change to counters is one row here, with the delta
 * it made, so counters can always be recomputed (and are, by `verifyCounters`).
 */
export const reports = pgTable(
  "reports",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    idempotencyKey: uuid().notNull(),
    /** hash of the submitted content: the same key with other content is a conflict */
    contentHash: text().notNull(),
    /** counts, team or baseline */
    kind: text().notNull(),
    /** increment or snapshot (counts reports) */
    mode: text().notNull(),
    communeCode: char({ length: 5 })
      .notNull()
      .references(() => communes.code),
    villageCode: text().references(() => villages.code),
    asOf: timestamp({ withTimezone: true }).notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    reporter: text().notNull(),
    /** field, csv, api, demo */
    source: text().notNull(),
    /** what was submitted, as submitted */
    payload: jsonb().notNull(),
    /** the report this one corrects */
    correctsId: bigint({ mode: "number" }),
    /** false when a late snapshot was kept without moving counters */
    applied: boolean().notNull().default(true),
    overEligible: boolean().notNull().default(false),
    /**
     * null for a report applied on arrival; "held" for a probable typo kept without moving
     * anything, until a commune or province user approves it (applied then, its deltas set once)
     * or rejects it (it never counts)
     */
    review: text(),
    /** why it was held: the figures and the limits they passed */
    reviewReasons: jsonb(),
    reviewedBy: text(),
    reviewedAt: timestamp({ withTimezone: true }),
    ...deltaColumns(),
  },
  (t) => [
    unique("reports_idempotency_key_unique").on(t.idempotencyKey),
    foreignKey({ columns: [t.correctsId], foreignColumns: [t.id], name: "reports_corrects_fk" }),
    check("reports_kind", sql`${t.kind} in ('counts', 'team', 'baseline')`),
    check("reports_mode", sql`${t.mode} in ('increment', 'snapshot', 'correction')`),
    check("reports_source", sql`${t.source} in ('field', 'csv', 'api', 'demo')`),
    check("reports_village_in_commune", sql`${t.villageCode} is null or left(${t.villageCode}, 5) = ${t.communeCode}`),
    check("reports_review", sql`${t.review} is null or ${t.review} in ('held', 'approved', 'rejected')`),
    index("reports_commune_received_idx").on(t.communeCode, t.receivedAt),
    index("reports_held_idx")
      .on(t.communeCode)
      .where(sql`${t.review} = 'held'`),
  ],
);

/** Current counters per village: what dashboards read (never the ledger). */
export const villageCounters = pgTable(
  "village_counters",
  {
    villageCode: text()
      .primaryKey()
      .references(() => villages.code),
    communeCode: char({ length: 5 })
      .notNull()
      .references(() => communes.code),
    ...counterColumns(),
    /** as-of time of the newest snapshot applied: an older one arriving late does not move counters */
    snapshotAsOf: timestamp({ withTimezone: true }),
    lastReportAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    nonNegative("village_counters_non_negative", [
      t.cccdIssued,
      t.eidL2Registered,
      t.eidL2Activated,
      t.peopleTrained,
      t.householdsVisited,
      t.smartphonesDonated,
    ]),
    index("village_counters_commune_idx").on(t.communeCode),
  ],
);

/** Current counters per commune, with its denominator and team figures denormalized for reads. */
export const communeCounters = pgTable(
  "commune_counters",
  {
    communeCode: char({ length: 5 })
      .primaryKey()
      .references(() => communes.code),
    provinceCode: char({ length: 2 }).notNull(),
    ...counterColumns(),
    eligible: integer().notNull().default(0),
    eligibleAsOf: date({ mode: "string" }),
    villagesTotal: integer().notNull().default(0),
    villagesWithTeam: integer().notNull().default(0),
    villagesReported: integer().notNull().default(0),
    supportStaff: integer().notNull().default(0),
    mobilePoints: integer().notNull().default(0),
    /** as-of time of the newest commune-level snapshot applied */
    snapshotAsOf: timestamp({ withTimezone: true }),
    lastReportAt: timestamp({ withTimezone: true }),
    /** bumped by every change: screens apply pushed states in version order */
    version: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [
    nonNegative("commune_counters_non_negative", [
      t.cccdIssued,
      t.eidL2Registered,
      t.eidL2Activated,
      t.peopleTrained,
      t.householdsVisited,
      t.smartphonesDonated,
      t.eligible,
      t.villagesTotal,
      t.villagesWithTeam,
      t.supportStaff,
    ]),
    index("commune_counters_province_idx").on(t.provinceCode),
  ],
);

/** What changed per commune per calendar day in Asia/Ho_Chi_Minh: charts and pace read this. */
export const communeDaily = pgTable(
  "commune_daily",
  {
    communeCode: char({ length: 5 })
      .notNull()
      .references(() => communes.code),
    day: date({ mode: "string" }).notNull(),
    ...deltaColumns(),
    reports: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.communeCode, t.day] })],
);
