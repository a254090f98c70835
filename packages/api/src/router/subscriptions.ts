import { randomUUID } from "node:crypto";
import {
  createSubscription,
  deleteSubscription,
  listCampaigns,
  listSubscriptions,
  unitFullNames,
  writeAudit,
  type RecipientRow,
  type Subscription,
} from "@pulse/db/queries";
import { dueSlot, minuteOfDayOf, nextSlot, timeOfDay } from "@pulse/indicators";
import { fieldError, scopeKey, subscriptionInput } from "@pulse/schema";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { actorOf } from "../access/principal";
import type { Context } from "../context";
import { apiError } from "../errors";
import { authorize, signedInProcedure } from "../trpc";

/** How many of each subscription's latest deliveries its list shows. */
const DELIVERIES_SHOWN = 10;

export type RecipientStatus = "awaitingConfirmation" | "confirmed" | "unsubscribed";

function recipientStatus(r: RecipientRow): RecipientStatus {
  if (r.unsubscribedAt) return "unsubscribed";
  return r.confirmedAt ? "confirmed" : "awaitingConfirmation";
}

/** Today's slot while it is due and not yet delivered (it goes out once an address confirms), else the next one. */
function nextDeliveryAt(schedule: Subscription, delivered: { slotAt: Date }[], now: Date): Date {
  const due = dueSlot(schedule, now);
  if (due && !delivered.some((d) => d.slotAt.getTime() === due.getTime())) return due;
  return nextSlot(schedule, now);
}

function ownerIdOf(ctx: Context): string {
  if (ctx.principal.kind !== "user") throw new TRPCError({ code: "FORBIDDEN" });
  return ctx.principal.userId;
}

async function checkCampaign(ctx: Context, campaignId: string | undefined): Promise<void> {
  if (campaignId === undefined) return;
  if ((await listCampaigns(ctx.db)).some((c) => c.id === campaignId)) return;
  const error = fieldError("campaignId", "unknownCampaign");
  throw apiError("BAD_REQUEST", { vi: error.vi, en: error.en }, { fieldErrors: [error] });
}

/** Scheduled reports by email: a user subscribes addresses to the report of a unit in their scope. */
export const subscriptionsRouter = {
  /** The asker's subscriptions: schedule, next delivery, addresses and their state, latest deliveries. */
  list: signedInProcedure
    .use(({ ctx, next }) => authorize(ctx, "subscribe", [], next))
    .query(async ({ ctx }) => {
      const now = ctx.now();
      const rows = await listSubscriptions(ctx.db, { ownerId: ownerIdOf(ctx), deliveriesEach: DELIVERIES_SHOWN });
      const names = await Promise.all(rows.map((s) => unitFullNames(ctx.db, s.scope)));
      return rows.map(({ recipients, deliveries, ...s }, i) => ({
        ...s,
        /** the unit's full names; null for the nation */
        unit: names[i] ?? null,
        time: timeOfDay(s.minuteOfDay),
        nextAt: nextDeliveryAt(s, deliveries, now),
        recipients: recipients.map((r) => ({
          id: r.id,
          email: r.email,
          status: recipientStatus(r),
          confirmationSentAt: r.confirmationSentAt,
          confirmationFile: r.confirmationFile,
        })),
        deliveries: deliveries.map((d) => ({
          id: d.id,
          email: recipients.find((r) => r.id === d.recipientId)?.email ?? "",
          slotAt: d.slotAt,
          status: d.status,
          attempts: d.attempts,
          lastError: d.lastError,
          sentAt: d.sentAt,
          outboxFile: d.outboxFile,
        })),
      }));
    }),

  /** A new subscription; each address is sent a confirmation link and receives nothing else until it follows it. */
  create: signedInProcedure
    .input(subscriptionInput)
    .use(({ ctx, input, next }) => authorize(ctx, "subscribe", [input.scope], next))
    .mutation(async ({ ctx, input }) => {
      await checkCampaign(ctx, input.campaignId);
      const { subscription, recipients } = await createSubscription(ctx.db, {
        id: randomUUID(),
        ownerId: ownerIdOf(ctx),
        scope: input.scope,
        campaignId: input.campaignId ?? null,
        cadence: input.cadence,
        weekday: input.weekday ?? null,
        minuteOfDay: minuteOfDayOf(input.time),
        lang: input.lang,
        recipients: input.addresses.map((email) => ({ id: randomUUID(), email })),
      });
      await writeAudit(ctx.db, {
        actor: actorOf(ctx.principal),
        action: "subscription.create",
        target: scopeKey(input.scope),
        ip: ctx.clientIp,
        details: { id: subscription.id, cadence: input.cadence, time: input.time, recipients: input.addresses.length },
      });
      await ctx.deliveries.confirmAddresses(recipients.map((r) => r.id));
      return { ...subscription, nextAt: nextDeliveryAt(subscription, [], ctx.now()) };
    }),

  /** Ends one of the asker's subscriptions: nothing more is sent to its addresses. */
  remove: signedInProcedure
    .input(z.object({ id: z.uuid() }))
    .use(({ ctx, next }) => authorize(ctx, "subscribe", [], next))
    .mutation(async ({ ctx, input }) => {
      if (!(await deleteSubscription(ctx.db, { id: input.id, ownerId: ownerIdOf(ctx) })))
        throw new TRPCError({ code: "NOT_FOUND" });
      await writeAudit(ctx.db, {
        actor: actorOf(ctx.principal),
        action: "subscription.remove",
        target: input.id,
        ip: ctx.clientIp,
      });
      return { id: input.id };
    }),
} satisfies TRPCRouterRecord;
