import { z } from "zod";
import { COUNTER_KEYS, type CounterKey } from "./keys";

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
