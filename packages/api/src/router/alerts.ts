import {
  alertEmailSummary,
  getAlertEmailSettings,
  listAlertRules,
  listCampaigns,
  listNotices,
  listOpenAlertsIn,
  markNoticesRead,
  rulesOf,
  setAlertEmailSettings,
  setAlertRules,
  writeAudit,
} from "@pulse/db/queries";
import { minuteOfDayOf, timeOfDay } from "@pulse/indicators";
import {
  alertEmailSettingsInput,
  alertRulesInput,
  fieldError,
  scope as scopeInput,
  type AlertKind,
} from "@pulse/schema";
import type { AlertDetails } from "@pulse/messages";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { actorOf } from "../access/principal";
import type { Context } from "../context";
import { apiError } from "../errors";
import { authorize, signedInProcedure } from "../trpc";

/** How many of the latest notices the account bar lists. */
const NOTICES_SHOWN = 30;

function userIdOf(ctx: Context): string {
  if (ctx.principal.kind !== "user") throw new TRPCError({ code: "FORBIDDEN" });
  return ctx.principal.userId;
}

const alertView = (a: Awaited<ReturnType<typeof listOpenAlertsIn>>[number]) => ({
  id: a.id,
  kind: a.kind as AlertKind,
  subject: a.subject,
  /** the commune (or the screen's unit) and its province: the command pages put the alert beside it */
  unitCode: a.scopeCode,
  provinceCode: a.provinceCode,
  raisedAt: a.raisedAt,
  resolvedAt: a.resolvedAt,
  since: a.since,
  details: a.details as AlertDetails,
});

/** Alert emails off, digest at 07:00 in Vietnamese: what a user who never chose has. */
const EMAIL_DEFAULTS = { mode: "off", time: "07:00", lang: "vi" } as const;

/** Alerts: a commune gone silent, a wall screen gone dark; told to the users whose scope covers them. */
export const alertsRouter = {
  /** The asker's notices, newest first (raised and resolved), and how many are unread. */
  mine: signedInProcedure
    .use(({ ctx, next }) => authorize(ctx, "subscribe", [], next))
    .query(async ({ ctx }) => {
      const { notices, unread } = await listNotices(ctx.db, { userId: userIdOf(ctx), limit: NOTICES_SHOWN });
      return {
        unread,
        notices: notices.map(({ notice, alert }) => ({
          id: notice.id,
          event: notice.event as "raised" | "resolved",
          at: notice.at,
          read: notice.readAt !== null,
          alert: alertView(alert),
        })),
      };
    }),

  /** The asker has seen their notices. */
  markRead: signedInProcedure
    .use(({ ctx, next }) => authorize(ctx, "subscribe", [], next))
    .mutation(async ({ ctx }) => {
      await markNoticesRead(ctx.db, { userId: userIdOf(ctx), at: ctx.now() });
      return { unread: 0 };
    }),

  /** The alerts open now in a scope the asker may read (the command pages show them beside each unit). */
  open: signedInProcedure
    .input(scopeInput)
    .use(({ ctx, input, next }) => authorize(ctx, "read", [input], next))
    .query(async ({ ctx, input }) => (await listOpenAlertsIn(ctx.db, input)).map(alertView)),

  /** How the asker gets alerts by email (to their account's address), and what went out so far. */
  emailSettings: signedInProcedure
    .use(({ ctx, next }) => authorize(ctx, "subscribe", [], next))
    .query(async ({ ctx }) => {
      const userId = userIdOf(ctx);
      const [settings, summary] = await Promise.all([
        getAlertEmailSettings(ctx.db, userId),
        alertEmailSummary(ctx.db, userId),
      ]);
      const chosen = settings
        ? { mode: settings.mode, time: timeOfDay(settings.minuteOfDay), lang: settings.lang }
        : EMAIL_DEFAULTS;
      return { ...chosen, email: ctx.principal.kind === "user" ? ctx.principal.email : "", ...summary };
    }),

  /** The asker chooses: no alert emails, each as it comes, or a daily digest at a time; the next check follows it. */
  setEmailSettings: signedInProcedure
    .input(alertEmailSettingsInput)
    .use(({ ctx, next }) => authorize(ctx, "subscribe", [], next))
    .mutation(async ({ ctx, input }) => {
      const userId = userIdOf(ctx);
      const settings = { userId, mode: input.mode, minuteOfDay: minuteOfDayOf(input.time), lang: input.lang };
      await setAlertEmailSettings(ctx.db, { ...settings, at: ctx.now() });
      await writeAudit(ctx.db, {
        actor: actorOf(ctx.principal),
        action: "alerts.email",
        target: userId,
        ip: ctx.clientIp,
        details: { ...input },
      });
      return input;
    }),

  /** Every campaign's rules (the defaults where none were set). */
  rules: signedInProcedure
    .use(({ ctx, next }) => authorize(ctx, "admin", [], next))
    .query(async ({ ctx }) => {
      const [campaigns, rules] = await Promise.all([listCampaigns(ctx.db), listAlertRules(ctx.db)]);
      return campaigns.map((c) => ({ campaignId: c.id, name: c.name, nameEn: c.nameEn, ...rulesOf(rules, c.id) }));
    }),

  /** An admin changes a campaign's rules; the next check applies them. */
  setRules: signedInProcedure
    .input(alertRulesInput)
    .use(({ ctx, next }) => authorize(ctx, "admin", [], next))
    .mutation(async ({ ctx, input }) => {
      if (!(await listCampaigns(ctx.db)).some((c) => c.id === input.campaignId)) {
        const error = fieldError("campaignId", "unknownCampaign");
        throw apiError("BAD_REQUEST", { vi: error.vi, en: error.en }, { fieldErrors: [error] });
      }
      await setAlertRules(ctx.db, { ...input, updatedBy: userIdOf(ctx), at: ctx.now() });
      await writeAudit(ctx.db, {
        actor: actorOf(ctx.principal),
        action: "alerts.rules",
        target: input.campaignId,
        ip: ctx.clientIp,
        details: { ...input },
      });
      return input;
    }),
} satisfies TRPCRouterRecord;
