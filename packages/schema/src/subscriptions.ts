import { z } from "zod";
import { scope } from "./codes";

/** How often a subscribed report is sent (the indicators' schedule reads the same two). */
export const CADENCES = ["daily", "weekly"] as const;

/** The most addresses one subscription goes to. */
export const MAX_RECIPIENTS = 20;

/** Where the links of a subscription's messages lead (served by the API server, forwarded by the web app). */
export const SUBSCRIPTION_PATHS = {
  confirm: "/api/v1/subscriptions/confirm",
  unsubscribe: "/api/v1/subscriptions/unsubscribe",
  outbox: "/api/v1/outbox",
} as const;

const address = z
  .string()
  .trim()
  .pipe(z.email())
  .transform((e) => e.toLowerCase());

/**
 * A scheduled report: a unit in the asker's scope, daily or weekly (ISO weekday 1 Monday … 7
 * Sunday) at HH:MM Viet Nam time, in vi or en, to one or more addresses (each confirmed by a link).
 */
export const subscriptionInput = z
  .object({
    scope,
    /** unset: the scope's current campaign at each delivery */
    campaignId: z.string().min(1).max(64).optional(),
    cadence: z.enum(CADENCES),
    weekday: z.number().int().min(1).max(7).optional(),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    lang: z.enum(["vi", "en"]),
    addresses: z
      .array(address)
      .min(1)
      .max(MAX_RECIPIENTS)
      .transform((list) => [...new Set(list)]),
  })
  .strict()
  .refine((s) => (s.cadence === "weekly") === (s.weekday !== undefined), {
    path: ["weekday"],
    params: { rule: "weekdayOfWeekly" },
  });
export type SubscriptionInput = z.infer<typeof subscriptionInput>;

/** `?r=<recipient>&t=<signature>`: the links in a message, which open nothing else. */
export const recipientLinkQuery = z.object({ r: z.string().min(1).max(64), t: z.string().min(1).max(128) }).strict();
