import type { AlertEmailMode } from "@pulse/schema";
import { and, asc, eq, inArray, isNull, lt, lte, ne, or, sql } from "drizzle-orm";
import type { Database } from "../client";
import { alertEmailSettings, alertNotices, alerts } from "../tables";
import type { AlertRow } from "./alerts";

export type AlertEmailSettingsRow = typeof alertEmailSettings.$inferSelect & {
  mode: AlertEmailMode;
  lang: "vi" | "en";
};

export async function getAlertEmailSettings(db: Database, userId: string): Promise<AlertEmailSettingsRow | null> {
  const [row] = await db.select().from(alertEmailSettings).where(eq(alertEmailSettings.userId, userId));
  return (row as AlertEmailSettingsRow | undefined) ?? null;
}

export async function setAlertEmailSettings(
  db: Database,
  params: { userId: string; mode: AlertEmailMode; minuteOfDay: number; lang: "vi" | "en"; at: Date },
): Promise<void> {
  const { at, ...rest } = params;
  const values = { ...rest, updatedAt: at };
  await db
    .insert(alertEmailSettings)
    .values(values)
    .onConflictDoUpdate({ target: alertEmailSettings.userId, set: values });
}

/** The users who asked for alerts by email (at once or as a digest): who gets an email notice. */
export async function listAlertEmailUsers(db: Database): Promise<Set<string>> {
  const rows = await db
    .select({ userId: alertEmailSettings.userId })
    .from(alertEmailSettings)
    .where(ne(alertEmailSettings.mode, "off"));
  return new Set(rows.map((r) => r.userId));
}

/** An email notice that waits: not sent, not failed, and not being sent by a live process now. */
const waiting = (now: Date) =>
  and(
    eq(alertNotices.channel, "email"),
    isNull(alertNotices.sentAt),
    isNull(alertNotices.sendError),
    or(isNull(alertNotices.claimedUntil), lt(alertNotices.claimedUntil, now)),
  );

/** Each user (email on) with email notices waiting, and the oldest of them: the planner decides whose message is due. */
export async function listWaitingAlertEmails(db: Database, now: Date) {
  const rows = await db
    .select({
      userId: alertNotices.userId,
      oldestAt: sql<Date>`min(${alertNotices.at})`.mapWith((v: string | Date) => new Date(v)),
      mode: alertEmailSettings.mode,
      minuteOfDay: alertEmailSettings.minuteOfDay,
    })
    .from(alertNotices)
    .innerJoin(alertEmailSettings, eq(alertEmailSettings.userId, alertNotices.userId))
    .where(and(waiting(now), ne(alertEmailSettings.mode, "off")))
    .groupBy(alertNotices.userId, alertEmailSettings.mode, alertEmailSettings.minuteOfDay);
  return rows as { userId: string; oldestAt: Date; mode: AlertEmailMode; minuteOfDay: number }[];
}

export interface ClaimedNotice {
  id: number;
  event: "raised" | "resolved";
  at: Date;
  alert: AlertRow;
}

/**
 * Takes a user's waiting email notices (up to `upTo`, or all) for one message, until `leaseUntil`: a second
 * process asking at the same time gets none of them, and one that died lets them go at the lease's end.
 */
export async function claimAlertEmail(
  db: Database,
  params: { userId: string; upTo: Date | null; now: Date; leaseUntil: Date },
): Promise<ClaimedNotice[]> {
  const claimed = await db
    .update(alertNotices)
    .set({ claimedUntil: params.leaseUntil, sendAttempts: sql`${alertNotices.sendAttempts} + 1` })
    .where(
      and(
        eq(alertNotices.userId, params.userId),
        params.upTo ? lte(alertNotices.at, params.upTo) : undefined,
        waiting(params.now),
      ),
    )
    .returning({ id: alertNotices.id, alertId: alertNotices.alertId });
  if (claimed.length === 0) return [];
  const rows = await db
    .select({ notice: alertNotices, alert: alerts })
    .from(alertNotices)
    .innerJoin(alerts, eq(alerts.id, alertNotices.alertId))
    .where(
      inArray(
        alertNotices.id,
        claimed.map((c) => c.id),
      ),
    )
    .orderBy(asc(alertNotices.at), asc(alertNotices.id));
  return rows.map(({ notice, alert }) => ({
    id: notice.id,
    event: notice.event as ClaimedNotice["event"],
    at: notice.at,
    alert,
  }));
}

/** The message went out: these notices were told by email at `sentAt`. */
export async function markAlertEmailSent(db: Database, params: { ids: number[]; sentAt: Date }): Promise<void> {
  if (params.ids.length === 0) return;
  await db
    .update(alertNotices)
    .set({ sentAt: params.sentAt, claimedUntil: null })
    .where(inArray(alertNotices.id, params.ids));
}

/**
 * A try failed: each notice waits `retryDelaySeconds` × 2^(tries − 1) before the planner queues
 * it again, or — once tried more than `retryLimit` times after the first — keeps the mail
 * server's answer and is not tried again.
 */
export async function releaseAlertEmail(
  db: Database,
  params: { ids: number[]; error: string; now: Date; retryLimit: number; retryDelaySeconds: number },
): Promise<void> {
  if (params.ids.length === 0) return;
  const last = sql`${alertNotices.sendAttempts} > ${params.retryLimit}`;
  await db
    .update(alertNotices)
    .set({
      claimedUntil: sql`case when ${last} then null else ${params.now.toISOString()}::timestamptz + make_interval(secs => ${params.retryDelaySeconds} * power(2, ${alertNotices.sendAttempts} - 1)) end`,
      sendError: sql`case when ${last} then ${params.error} end`,
    })
    .where(inArray(alertNotices.id, params.ids));
}

/** A user's email notices in figures: waiting, sent (and the last time), failed — the settings page shows them. */
export async function alertEmailSummary(db: Database, userId: string) {
  const [row] = await db
    .select({
      waiting:
        sql<number>`count(*) filter (where ${alertNotices.sentAt} is null and ${alertNotices.sendError} is null)`.mapWith(
          Number,
        ),
      sent: sql<number>`count(*) filter (where ${alertNotices.sentAt} is not null)`.mapWith(Number),
      failed: sql<number>`count(*) filter (where ${alertNotices.sendError} is not null)`.mapWith(Number),
      lastSentAt: sql<Date | null>`max(${alertNotices.sentAt})`.mapWith((v: string | Date | null) =>
        v ? new Date(v) : null,
      ),
    })
    .from(alertNotices)
    .where(and(eq(alertNotices.userId, userId), eq(alertNotices.channel, "email")));
  return row ?? { waiting: 0, sent: 0, failed: 0, lastSentAt: null };
}
