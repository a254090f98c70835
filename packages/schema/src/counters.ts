import { z } from "zod";

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

/** Anything above this is a typing error, not a count (no commune has 10 million people). */
export const MAX_COUNT = 10_000_000;

export const count = z.number().int().min(0).max(MAX_COUNT);

export const counterValues = z
  .object(
    Object.fromEntries(COUNTER_KEYS.map((key) => [key, count.optional()])) as {
      [K in CounterKey]: z.ZodOptional<typeof count>;
    },
  )
  .strict();
export type CounterValues = z.infer<typeof counterValues>;

export function zeroCounters(): Counters {
  return Object.fromEntries(COUNTER_KEYS.map((key) => [key, 0])) as Counters;
}
