import { COUNTER_KEYS, type CounterKey } from "@pulse/schema";
import { sql, type SQL } from "drizzle-orm";

/** Column name of each counter in the counters tables; deltas are the same with a `d_` prefix. */
export const COUNTER_COLUMNS: Record<CounterKey, string> = {
  cccdIssued: "cccd_issued",
  eidL2Registered: "eid_l2_registered",
  eidL2Activated: "eid_l2_activated",
  peopleTrained: "people_trained",
  householdsVisited: "households_visited",
  smartphonesDonated: "smartphones_donated",
};

/** `f(column, deltaColumn)` joined by commas, once per counter: the shape of most raw SQL here. */
export function eachCounter(fragment: (column: SQL, delta: SQL, key: CounterKey) => SQL): SQL {
  return sql.join(
    COUNTER_KEYS.map((key) => fragment(sql.raw(COUNTER_COLUMNS[key]), sql.raw(`d_${COUNTER_COLUMNS[key]}`), key)),
    sql`, `,
  );
}
