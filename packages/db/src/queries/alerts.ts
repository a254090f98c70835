import { DEFAULT_ALERT_RULES, type AlertKind, type AlertRules, type Scope } from "@pulse/schema";
import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../client";
import { alertNotices, alertRules, alerts, communeCounters, communes, userScopes } from "../tables";
import { scopeColumns, scopeOf } from "./scope-columns";

export type AlertRow = typeof alerts.$inferSelect;

/** Each campaign's rules, the defaults where an admin changed nothing. */
export async function listAlertRules(db: Database): Promise<Map<string, AlertRules>> {
  const rows = await db.select().from(alertRules);
  return new Map(rows.map(({ campaignId, updatedAt: _at, updatedBy: _by, ...rules }) => [campaignId, rules]));
}

export const rulesOf = (rules: Map<string, AlertRules>, campaignId: string | null | undefined): AlertRules =>
  (campaignId ? rules.get(campaignId) : undefined) ?? DEFAULT_ALERT_RULES;

export async function setAlertRules(
  db: Database,
  params: AlertRules & { campaignId: string; updatedBy: string; at: Date },
): Promise<void> {
  const { campaignId, updatedBy, at, ...rules } = params;
  const values = { ...rules, campaignId, updatedBy, updatedAt: at };
  await db.insert(alertRules).values(values).onConflictDoUpdate({ target: alertRules.campaignId, set: values });
}

/** Every commune's last report (null: none yet), for the silence rule. */
export function listCommuneLastReports(db: Database) {
  return db
    .select({
      code: communeCounters.communeCode,
      provinceCode: communeCounters.provinceCode,
      lastReportAt: communeCounters.lastReportAt,
      fullName: communes.fullName,
      fullNameEn: communes.fullNameEn,
    })
    .from(communeCounters)
    .innerJoin(communes, eq(communes.code, communeCounters.communeCode));
}

export function listOpenAlerts(db: Database, kind: AlertKind): Promise<AlertRow[]> {
  return db
    .select()
    .from(alerts)
    .where(and(eq(alerts.kind, kind), isNull(alerts.resolvedAt)));
}

export interface NewAlert {
  kind: AlertKind;
  subject: string;
  scope: Scope;
  provinceCode: string | null;
  campaignId: string | null;
  since: Date | null;
  details: Record<string, unknown>;
}

/** Raises these alerts; one already open for the same rule and subject (raised by another process) is left. Returns the new ones. */
export async function raiseAlerts(db: Database, raised: NewAlert[], at: Date): Promise<AlertRow[]> {
  if (raised.length === 0) return [];
  return db
    .insert(alerts)
    .values(raised.map(({ scope, ...a }) => ({ ...a, ...scopeColumns(scope), raisedAt: at })))
    .onConflictDoNothing()
    .returning();
}

/** Resolves these open alerts; those another process resolved first are not returned. */
export async function resolveAlerts(db: Database, ids: number[], at: Date): Promise<AlertRow[]> {
  if (ids.length === 0) return [];
  return db
    .update(alerts)
    .set({ resolvedAt: at })
    .where(and(inArray(alerts.id, ids), isNull(alerts.resolvedAt)))
    .returning();
}

/** Every user's scope, to find whose scope covers an alert's unit. */
export async function listUserScopes(db: Database): Promise<{ userId: string; scope: Scope }[]> {
  const rows = await db.select().from(userScopes);
  return rows.flatMap((r) => {
    const scope = scopeOf(r.scopeKind, r.scopeCode);
    return scope ? [{ userId: r.userId, scope }] : [];
  });
}

export async function recordNotices(
  db: Database,
  notices: { alertId: number; userId: string; event: "raised" | "resolved"; channel: "app" | "email"; at: Date }[],
): Promise<void> {
  // one transaction: an email planner's tick between chunks would otherwise split one check's alerts into two messages
  await db.transaction(async (tx) => {
    for (let i = 0; i < notices.length; i += 1_000)
      await tx
        .insert(alertNotices)
        .values(notices.slice(i, i + 1_000))
        .onConflictDoNothing();
  });
}

export const alertScopeOf = (row: AlertRow): Scope | null => scopeOf(row.scopeKind, row.scopeCode);

/** A user's latest notices, newest first, with their alert, and how many are unread. */
export async function listNotices(db: Database, params: { userId: string; limit: number }) {
  const [rows, [unread]] = await Promise.all([
    db
      .select({ notice: alertNotices, alert: alerts })
      .from(alertNotices)
      .innerJoin(alerts, eq(alerts.id, alertNotices.alertId))
      .where(and(eq(alertNotices.userId, params.userId), eq(alertNotices.channel, "app")))
      .orderBy(desc(alertNotices.at), desc(alertNotices.id))
      .limit(params.limit),
    db
      .select({ n: count() })
      .from(alertNotices)
      .where(and(eq(alertNotices.userId, params.userId), eq(alertNotices.channel, "app"), isNull(alertNotices.readAt))),
  ]);
  return { notices: rows, unread: unread?.n ?? 0 };
}

export async function markNoticesRead(db: Database, params: { userId: string; at: Date }): Promise<void> {
  await db
    .update(alertNotices)
    .set({ readAt: params.at })
    .where(and(eq(alertNotices.userId, params.userId), isNull(alertNotices.readAt)));
}

/** Open alerts of communes in a scope (the command pages show them beside each unit). */
export function listOpenAlertsIn(db: Database, scope: Scope): Promise<AlertRow[]> {
  const inScope =
    scope.kind === "nation"
      ? sql`true`
      : scope.kind === "province"
        ? sql`(${alerts.provinceCode} = ${scope.code} or (${alerts.scopeKind} = 'province' and ${alerts.scopeCode} = ${scope.code}))`
        : sql`${alerts.scopeKind} = 'commune' and ${alerts.scopeCode} = ${scope.code}`;
  return db
    .select()
    .from(alerts)
    .where(and(isNull(alerts.resolvedAt), inScope))
    .orderBy(desc(alerts.raisedAt));
}
