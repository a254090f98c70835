import type { Scope } from "@pulse/schema";
import { and, desc, eq, gt, inArray, isNotNull, isNull, lt, or } from "drizzle-orm";
import type { Database } from "../client";
import { kioskTokens } from "../tables";
import { scopeColumns, scopeOf } from "./scope-columns";

export type KioskTokenRow = typeof kioskTokens.$inferSelect;

export interface KioskToken {
  id: string;
  name: string;
  scope: Scope;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastSeenAt: Date | null;
  disconnectedAt: Date | null;
  appVersion: string | null;
  showing: string | null;
  /** the screen's own on-hours (minutes after midnight, Viet Nam); null: its campaign's */
  onHours: { start: number; end: number } | null;
}

/** A stored token as the rest of the code sees it; null while it waits to be paired. */
export function kioskTokenOf(row: KioskTokenRow): KioskToken | null {
  const scope = scopeOf(row.scopeKind, row.scopeCode);
  if (!scope || !row.name) return null;
  const { id, name, createdAt, expiresAt, revokedAt, lastSeenAt, disconnectedAt, appVersion, showing } = row;
  const onHours =
    row.onHoursStart !== null && row.onHoursEnd !== null ? { start: row.onHoursStart, end: row.onHoursEnd } : null;
  return { id, name, scope, createdAt, expiresAt, revokedAt, lastSeenAt, disconnectedAt, appVersion, showing, onHours };
}

/** The stored tokens with these hashes (screens connecting at once are looked up together). */
export async function findKioskTokensByHash(db: Database, tokenHashes: readonly string[]): Promise<KioskTokenRow[]> {
  if (tokenHashes.length === 0) return [];
  return db
    .select()
    .from(kioskTokens)
    .where(inArray(kioskTokens.tokenHash, [...new Set(tokenHashes)]));
}

export async function createKioskToken(
  db: Database,
  params: {
    id: string;
    tokenHash: string;
    name: string;
    scope: Scope;
    expiresAt?: Date | undefined;
    createdBy: string;
  },
): Promise<KioskToken> {
  const [row] = await db
    .insert(kioskTokens)
    .values({
      id: params.id,
      tokenHash: params.tokenHash,
      name: params.name,
      ...scopeColumns(params.scope),
      expiresAt: params.expiresAt ?? null,
      createdBy: params.createdBy,
    })
    .returning();
  const token = row && kioskTokenOf(row);
  if (!token) throw new Error("kiosk token was not stored");
  return token;
}

/** A screen waiting to be paired: its token has no scope until a user enters the code. */
export async function createPendingKioskToken(
  db: Database,
  params: { id: string; tokenHash: string; pairingCode: string; pairingExpiresAt: Date; now: Date },
): Promise<void> {
  // Expired, unclaimed requests free their codes.
  await db.delete(kioskTokens).where(and(isNull(kioskTokens.scopeKind), lt(kioskTokens.pairingExpiresAt, params.now)));
  await db.insert(kioskTokens).values({
    id: params.id,
    tokenHash: params.tokenHash,
    pairingCode: params.pairingCode,
    pairingExpiresAt: params.pairingExpiresAt,
  });
}

/** Gives the waiting screen with this code its name and scope; null if no such code is waiting. */
export async function pairKioskToken(
  db: Database,
  params: {
    pairingCode: string;
    name: string;
    scope: Scope;
    expiresAt?: Date | undefined;
    createdBy: string;
    now: Date;
  },
): Promise<KioskToken | null> {
  const [row] = await db
    .update(kioskTokens)
    .set({
      name: params.name,
      ...scopeColumns(params.scope),
      expiresAt: params.expiresAt ?? null,
      createdBy: params.createdBy,
      createdAt: params.now,
      pairingCode: null,
      pairingExpiresAt: null,
    })
    .where(
      and(
        eq(kioskTokens.pairingCode, params.pairingCode),
        isNull(kioskTokens.scopeKind),
        gt(kioskTokens.pairingExpiresAt, params.now),
      ),
    )
    .returning();
  return row ? kioskTokenOf(row) : null;
}

/** Every paired token, newest first; the caller keeps the ones within its scope. */
export async function listKioskTokens(db: Database): Promise<KioskToken[]> {
  const rows = await db
    .select()
    .from(kioskTokens)
    .where(isNotNull(kioskTokens.scopeKind))
    .orderBy(desc(kioskTokens.createdAt));
  return rows.flatMap((row) => kioskTokenOf(row) ?? []);
}

export async function getKioskToken(db: Database, id: string): Promise<KioskToken | null> {
  const [row] = await db.select().from(kioskTokens).where(eq(kioskTokens.id, id));
  return row ? kioskTokenOf(row) : null;
}

/** A screen's own on-hours, or null to follow its campaign's again. */
export async function setKioskOnHours(
  db: Database,
  params: { id: string; onHours: { start: number; end: number } | null },
): Promise<void> {
  await db
    .update(kioskTokens)
    .set({ onHoursStart: params.onHours?.start ?? null, onHoursEnd: params.onHours?.end ?? null })
    .where(eq(kioskTokens.id, params.id));
}

export async function revokeKioskToken(db: Database, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(kioskTokens)
    .set({ revokedAt: now })
    .where(and(eq(kioskTokens.id, id), isNull(kioskTokens.revokedAt)))
    .returning({ id: kioskTokens.id });
  return rows.length > 0;
}

/** Of these tokens, the ones still usable (not revoked, not expired). */
export async function usableKioskTokenIds(db: Database, ids: string[], now: Date): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: kioskTokens.id })
    .from(kioskTokens)
    .where(
      and(
        inArray(kioskTokens.id, ids),
        isNull(kioskTokens.revokedAt),
        or(isNull(kioskTokens.expiresAt), gt(kioskTokens.expiresAt, now)),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/** When a screen last connected with each token: the base of fleet health. */
export async function touchKioskTokens(db: Database, ids: string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.update(kioskTokens).set({ lastSeenAt: at }).where(inArray(kioskTokens.id, ids));
}

/** What a screen reports of itself (its heartbeat): running this version, showing this page. */
export interface ScreenStatus {
  tokenId: string;
  appVersion: string;
  showing: string;
}

/** The screens' statuses, seen at `at`: one statement per distinct (version, page), which a fleet mostly shares. */
export async function recordScreenStatuses(db: Database, statuses: ScreenStatus[], at: Date): Promise<void> {
  const groups = new Map<string, { status: ScreenStatus; ids: string[] }>();
  for (const status of statuses) {
    const key = JSON.stringify([status.appVersion, status.showing]);
    const group = groups.get(key) ?? { status, ids: [] };
    group.ids.push(status.tokenId);
    groups.set(key, group);
  }
  for (const { status, ids } of groups.values()) {
    await db
      .update(kioskTokens)
      .set({ lastSeenAt: at, appVersion: status.appVersion, showing: status.showing })
      .where(inArray(kioskTokens.id, ids));
  }
}

/** The last screen of these tokens went away: dark from `at` (until one is seen again). */
export async function recordScreensGone(db: Database, ids: string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.update(kioskTokens).set({ disconnectedAt: at }).where(inArray(kioskTokens.id, ids));
}
