import type { Role, Scope } from "@pulse/schema";
import { and, desc, eq, gt, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "../client";
import { auditLog, authSessions, authUsers, kioskTokens, userScopes } from "../schema";

function scopeOf(kind: string | null, code: string | null): Scope | null {
  if (kind === "nation") return { kind };
  if ((kind === "province" || kind === "commune") && code) return { kind, code };
  return null;
}

const scopeColumns = (scope: Scope) => ({
  scopeKind: scope.kind,
  scopeCode: scope.kind === "nation" ? null : scope.code,
});

export interface UserAccess {
  userId: string;
  email: string;
  name: string;
  role: Role;
  scope: Scope;
}

/** A signed-in user's role and scope; null for a user who was given none. */
export async function getUserAccess(db: Database, userId: string): Promise<UserAccess | null> {
  const [row] = await db
    .select({
      userId: authUsers.id,
      email: authUsers.email,
      name: authUsers.name,
      role: userScopes.role,
      scopeKind: userScopes.scopeKind,
      scopeCode: userScopes.scopeCode,
    })
    .from(authUsers)
    .innerJoin(userScopes, eq(userScopes.userId, authUsers.id))
    .where(eq(authUsers.id, userId));
  const scope = row && scopeOf(row.scopeKind, row.scopeCode);
  return row && scope ? { userId: row.userId, email: row.email, name: row.name, role: row.role as Role, scope } : null;
}

export async function setUserAccess(db: Database, params: { userId: string; role: Role; scope: Scope }): Promise<void> {
  const values = { userId: params.userId, role: params.role, ...scopeColumns(params.scope) };
  await db.insert(userScopes).values(values).onConflictDoUpdate({ target: userScopes.userId, set: values });
}

export async function findUserIdByEmail(db: Database, email: string): Promise<string | null> {
  const [row] = await db.select({ id: authUsers.id }).from(authUsers).where(eq(authUsers.email, email.toLowerCase()));
  return row?.id ?? null;
}

/** Signs a user out everywhere. */
export async function deleteUserSessions(db: Database, userId: string): Promise<number> {
  const deleted = await db
    .delete(authSessions)
    .where(eq(authSessions.userId, userId))
    .returning({ id: authSessions.id });
  return deleted.length;
}

/** Of these sessions, the ones still valid: sockets of the others are cut. */
export async function liveSessionIds(db: Database, ids: string[], now: Date): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: authSessions.id })
    .from(authSessions)
    .where(and(inArray(authSessions.id, ids), gt(authSessions.expiresAt, now)));
  return new Set(rows.map((r) => r.id));
}

export type KioskTokenRow = typeof kioskTokens.$inferSelect;

export interface KioskToken {
  id: string;
  name: string;
  scope: Scope;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastSeenAt: Date | null;
}

/** A stored token as the rest of the code sees it; null while it waits to be paired. */
export function kioskTokenOf(row: KioskTokenRow): KioskToken | null {
  const scope = scopeOf(row.scopeKind, row.scopeCode);
  if (!scope || !row.name) return null;
  const { id, name, createdAt, expiresAt, revokedAt, lastSeenAt } = row;
  return { id, name, scope, createdAt, expiresAt, revokedAt, lastSeenAt };
}

export async function findKioskTokenByHash(db: Database, tokenHash: string): Promise<KioskTokenRow | null> {
  const [row] = await db.select().from(kioskTokens).where(eq(kioskTokens.tokenHash, tokenHash));
  return row ?? null;
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

export interface AuditEntry {
  actor: string;
  action: string;
  target?: string | null | undefined;
  ip?: string | null | undefined;
  details?: Record<string, unknown> | undefined;
}

export async function writeAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actor: entry.actor,
    action: entry.action,
    target: entry.target ?? null,
    ip: entry.ip ?? null,
    details: entry.details ?? null,
  });
}

export type AuditRow = typeof auditLog.$inferSelect;

export function listAudit(db: Database, params: { limit: number; action?: string | undefined }): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(params.action ? eq(auditLog.action, params.action) : sql`true`)
    .orderBy(desc(auditLog.id))
    .limit(params.limit);
}
