/*
 * The names a browser page needs without the schemas (`@pulse/schema/keys` loads no zod): the
 * field page uses these at first paint and loads the schemas themselves once it is interactive.
 */

/** The cumulative counters a report can move, per village and per commune (docs/design.md, "Measures"). */
export const COUNTER_KEYS = [
  "cccdIssued",
  "eidL2Registered",
  "eidL2Activated",
  "peopleTrained",
  "householdsVisited",
  "smartphonesDonated",
] as const;
export type CounterKey = (typeof COUNTER_KEYS)[number];
export type Counters = Record<CounterKey, number>;

export function zeroCounters(): Counters {
  return Object.fromEntries(COUNTER_KEYS.map((key) => [key, 0])) as Counters;
}
