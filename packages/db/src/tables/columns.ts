import { sql, type SQL } from "drizzle-orm";
import { check, integer, type PgColumn } from "drizzle-orm/pg-core";

/** The six cumulative counters, as columns; one definition for every table that holds them. */
export function counterColumns() {
  return {
    cccdIssued: integer("cccd_issued").notNull().default(0),
    eidL2Registered: integer("eid_l2_registered").notNull().default(0),
    eidL2Activated: integer("eid_l2_activated").notNull().default(0),
    peopleTrained: integer("people_trained").notNull().default(0),
    householdsVisited: integer("households_visited").notNull().default(0),
    smartphonesDonated: integer("smartphones_donated").notNull().default(0),
  };
}

/** The change a ledger row made to each counter (may be negative for corrections and snapshots). */
export function deltaColumns() {
  return {
    dCccdIssued: integer("d_cccd_issued").notNull().default(0),
    dEidL2Registered: integer("d_eid_l2_registered").notNull().default(0),
    dEidL2Activated: integer("d_eid_l2_activated").notNull().default(0),
    dPeopleTrained: integer("d_people_trained").notNull().default(0),
    dHouseholdsVisited: integer("d_households_visited").notNull().default(0),
    dSmartphonesDonated: integer("d_smartphones_donated").notNull().default(0),
  };
}

/** A CHECK that every listed column is ≥ 0: the database itself refuses a negative count. */
export function nonNegative(name: string, columns: PgColumn[]) {
  const condition: SQL = sql.join(
    columns.map((column) => sql`${column} >= 0`),
    sql` and `,
  );
  return check(name, condition);
}
