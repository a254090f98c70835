import type { Scope } from "@pulse/schema";
import { and, desc, eq, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "../client";
import { communes, deliveries, provinces, subscriptionRecipients, subscriptions } from "../tables";
import { scopeColumns, scopeOf } from "./scope-columns";

type SubscriptionRow = typeof subscriptions.$inferSelect;
export type RecipientRow = typeof subscriptionRecipients.$inferSelect;
export type DeliveryRow = typeof deliveries.$inferSelect;
export type DeliveryStatus = "pending" | "sending" | "retrying" | "sent" | "failed" | "skipped";

export interface Subscription {
  id: string;
  ownerId: string;
  scope: Scope;
  campaignId: string | null;
  cadence: "daily" | "weekly";
  weekday: number | null;
  minuteOfDay: number;
  lang: "vi" | "en";
  createdAt: Date;
}

function subscriptionOf(row: SubscriptionRow): Subscription {
  const { scopeKind, scopeCode, cadence, lang, ...rest } = row;
  // The table's checks admit only these; a scope that does not read back is a broken row.
  const scope = scopeOf(scopeKind, scopeCode);
  if (!scope) throw new Error(`subscription ${row.id} has no valid scope`);
  return { ...rest, scope, cadence: cadence as Subscription["cadence"], lang: lang as Subscription["lang"] };
}

export async function createSubscription(
  db: Database,
  params: Omit<Subscription, "createdAt"> & { recipients: { id: string; email: string }[] },
): Promise<{ subscription: Subscription; recipients: RecipientRow[] }> {
  const { recipients, scope, ...details } = params;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(subscriptions)
      .values({ ...details, ...scopeColumns(scope) })
      .returning();
    if (!row) throw new Error("subscription not stored");
    const stored = await tx
      .insert(subscriptionRecipients)
      .values(recipients.map((r) => ({ ...r, subscriptionId: row.id })))
      .returning();
    return { subscription: subscriptionOf(row), recipients: stored };
  });
}

/** A user's subscriptions, newest first, with their addresses and each one's latest deliveries. */
export async function listSubscriptions(db: Database, params: { ownerId: string; deliveriesEach: number }) {
  const rows = await db
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.ownerId, params.ownerId))
    .orderBy(desc(subscriptions.createdAt));
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const [recipients, recent] = await Promise.all([
    db
      .select()
      .from(subscriptionRecipients)
      .where(inArray(subscriptionRecipients.subscriptionId, ids))
      .orderBy(subscriptionRecipients.email),
    db
      .select()
      .from(deliveries)
      .where(inArray(deliveries.subscriptionId, ids))
      .orderBy(desc(deliveries.slotAt), desc(deliveries.createdAt))
      .limit(params.deliveriesEach * ids.length),
  ]);
  return rows.map((row) => ({
    ...subscriptionOf(row),
    recipients: recipients.filter((r) => r.subscriptionId === row.id),
    deliveries: recent.filter((d) => d.subscriptionId === row.id).slice(0, params.deliveriesEach),
  }));
}

/** Removes a user's subscription (its addresses and deliveries with it); false if it is not theirs. */
export async function deleteSubscription(db: Database, params: { id: string; ownerId: string }): Promise<boolean> {
  const removed = await db
    .delete(subscriptions)
    .where(and(eq(subscriptions.id, params.id), eq(subscriptions.ownerId, params.ownerId)))
    .returning({ id: subscriptions.id });
  return removed.length > 0;
}

/** An address and the subscription it belongs to. */
export async function getRecipient(
  db: Database,
  recipientId: string,
): Promise<{ recipient: RecipientRow; subscription: Subscription } | null> {
  const [row] = await db
    .select()
    .from(subscriptionRecipients)
    .innerJoin(subscriptions, eq(subscriptions.id, subscriptionRecipients.subscriptionId))
    .where(eq(subscriptionRecipients.id, recipientId));
  return row ? { recipient: row.subscription_recipients, subscription: subscriptionOf(row.subscriptions) } : null;
}

export async function markConfirmationSent(
  db: Database,
  params: { recipientId: string; at: Date; outboxFile: string | null },
): Promise<void> {
  await db
    .update(subscriptionRecipients)
    .set({ confirmationSentAt: params.at, confirmationFile: params.outboxFile })
    .where(eq(subscriptionRecipients.id, params.recipientId));
}

/** The address's owner followed the confirmation link (again: nothing changes). */
export async function confirmRecipient(db: Database, params: { recipientId: string; at: Date }): Promise<void> {
  await db
    .update(subscriptionRecipients)
    .set({ confirmedAt: params.at, unsubscribedAt: null })
    .where(and(eq(subscriptionRecipients.id, params.recipientId), isNull(subscriptionRecipients.confirmedAt)));
}

export async function unsubscribeRecipient(db: Database, params: { recipientId: string; at: Date }): Promise<void> {
  await db
    .update(subscriptionRecipients)
    .set({ unsubscribedAt: params.at })
    .where(and(eq(subscriptionRecipients.id, params.recipientId), isNull(subscriptionRecipients.unsubscribedAt)));
}

/** Every address that receives its subscription's reports: confirmed and not unsubscribed. */
export async function listReceivingRecipients(
  db: Database,
): Promise<{ recipientId: string; subscription: Subscription }[]> {
  const rows = await db
    .select({ recipientId: subscriptionRecipients.id, subscription: subscriptions })
    .from(subscriptionRecipients)
    .innerJoin(subscriptions, eq(subscriptions.id, subscriptionRecipients.subscriptionId))
    .where(and(isNotNull(subscriptionRecipients.confirmedAt), isNull(subscriptionRecipients.unsubscribedAt)));
  return rows.map((row) => ({ recipientId: row.recipientId, subscription: subscriptionOf(row.subscription) }));
}

/**
 * Records the deliveries due; one already recorded for the same address and slot (planned by
 * another process, or before a restart) is left as it is. Returns the ids of those to queue: not
 * yet sent, new or not, and those whose sender died (its lease ran out).
 */
export async function planDeliveries(
  db: Database,
  params: { due: { id: string; subscriptionId: string; recipientId: string; slotAt: Date }[]; now: Date },
): Promise<string[]> {
  if (params.due.length > 0) await db.insert(deliveries).values(params.due).onConflictDoNothing();
  const waiting = await db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(
      or(
        eq(deliveries.status, "pending"),
        and(eq(deliveries.status, "sending"), lt(deliveries.leaseUntil, params.now)),
      ),
    );
  return waiting.map((row) => row.id);
}

/**
 * Takes a delivery to send it: one waiting, between tries, or held by a process that died (its
 * lease ran out). Null when another process holds it, or it is finished.
 */
export async function claimDelivery(
  db: Database,
  params: { id: string; now: Date; leaseUntil: Date },
): Promise<DeliveryRow | null> {
  const [row] = await db
    .update(deliveries)
    .set({ status: "sending", attempts: sql`${deliveries.attempts} + 1`, leaseUntil: params.leaseUntil })
    .where(
      and(
        eq(deliveries.id, params.id),
        or(
          inArray(deliveries.status, ["pending", "retrying"]),
          and(eq(deliveries.status, "sending"), lt(deliveries.leaseUntil, params.now)),
        ),
      ),
    )
    .returning();
  return row ?? null;
}

export async function finishDelivery(
  db: Database,
  params: {
    id: string;
    status: Exclude<DeliveryStatus, "pending" | "sending">;
    at: Date;
    error?: string | null;
    outboxFile?: string | null;
  },
): Promise<void> {
  await db
    .update(deliveries)
    .set({
      status: params.status,
      leaseUntil: null,
      lastError: params.error ?? null,
      sentAt: params.status === "sent" ? params.at : null,
      outboxFile: params.outboxFile ?? null,
    })
    .where(eq(deliveries.id, params.id));
}

/** Who owns the outbox file `name` (a delivery's or a confirmation's), or null if no record names it. */
export async function outboxFileOwner(db: Database, name: string): Promise<string | null> {
  const [delivery] = await db
    .select({ ownerId: subscriptions.ownerId })
    .from(deliveries)
    .innerJoin(subscriptions, eq(subscriptions.id, deliveries.subscriptionId))
    .where(eq(deliveries.outboxFile, name));
  if (delivery) return delivery.ownerId;
  const [confirmation] = await db
    .select({ ownerId: subscriptions.ownerId })
    .from(subscriptionRecipients)
    .innerJoin(subscriptions, eq(subscriptions.id, subscriptionRecipients.subscriptionId))
    .where(eq(subscriptionRecipients.confirmationFile, name));
  return confirmation?.ownerId ?? null;
}

/** The full names of a province or commune (null for the nation, or a code that does not exist). */
export async function unitFullNames(
  db: Database,
  scope: Scope,
): Promise<{ fullName: string; fullNameEn: string } | null> {
  if (scope.kind === "nation") return null;
  const table = scope.kind === "province" ? provinces : communes;
  const [row] = await db
    .select({ fullName: table.fullName, fullNameEn: table.fullNameEn })
    .from(table)
    .where(eq(table.code, scope.code));
  return row ?? null;
}
