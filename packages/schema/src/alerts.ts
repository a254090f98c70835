import { z } from "zod";

/** What raises an alert: a commune silent this long, a screen dark this long inside its on-hours. */
export interface AlertRules {
  silentMinutes: number;
  /** a commune whose pace turns to "behind" */
  paceBehind: boolean;
  screenDarkMinutes: number;
  /** minutes after midnight, Viet Nam time */
  onHoursStart: number;
  onHoursEnd: number;
}

/** A commune silent for 48 hours or behind its pace, a screen dark for 15 minutes between 07:00 and 18:00. */
export const DEFAULT_ALERT_RULES: AlertRules = {
  silentMinutes: 48 * 60,
  paceBehind: true,
  screenDarkMinutes: 15,
  onHoursStart: 7 * 60,
  onHoursEnd: 18 * 60,
};

export const ALERT_KINDS = ["silent", "behind", "screenDark"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

const minuteOfDay = z.number().int().min(0).max(1440);

/** An admin's change to a campaign's rules. */
export const alertRulesInput = z
  .object({
    campaignId: z.string().min(1).max(64),
    silentMinutes: z
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 60),
    paceBehind: z.boolean(),
    screenDarkMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    onHoursStart: minuteOfDay,
    onHoursEnd: minuteOfDay,
  })
  .strict()
  .refine((r) => r.onHoursStart < r.onHoursEnd, { path: ["onHoursEnd"], params: { rule: "onHoursOrder" } });

/** How a user wants alerts by email: not at all, each as it happens, or one digest a day. */
export const ALERT_EMAIL_MODES = ["off", "immediate", "digest"] as const;
export type AlertEmailMode = (typeof ALERT_EMAIL_MODES)[number];

/** A user's choice; the digest goes out at `time` (HH:MM, Viet Nam time) to the account's own address. */
export const alertEmailSettingsInput = z
  .object({
    mode: z.enum(ALERT_EMAIL_MODES),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    lang: z.enum(["vi", "en"]),
  })
  .strict();
export type AlertEmailSettingsInput = z.infer<typeof alertEmailSettingsInput>;

/** A screen's own on-hours (both minutes after midnight), or null for its campaign's. */
export const screenOnHoursInput = z
  .object({
    id: z.uuid(),
    onHours: z
      .object({ start: minuteOfDay, end: minuteOfDay })
      .strict()
      .refine((h) => h.start < h.end, { path: ["end"], params: { rule: "onHoursOrder" } })
      .nullable(),
  })
  .strict();
