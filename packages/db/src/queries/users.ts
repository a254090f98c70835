import type { Role, Scope } from "@pulse/schema";
import { and, eq, gt, inArray } from "drizzle-orm";
import type { Database } from "../client";
import { authSessions, authUsers, userScopes } from "../tables";
import { scopeColumns, scopeOf } from "./scope-columns";

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

/** Whether any of these session tokens belongs to a session still valid (whatever better-auth just said). */
export async function hasLiveSessionToken(db: Database, tokens: string[], now: Date): Promise<boolean> {
  if (tokens.length === 0) return false;
  const rows = await db
    .select({ id: authSessions.id })
    .from(authSessions)
    .where(and(inArray(authSessions.token, tokens), gt(authSessions.expiresAt, now)))
    .limit(1);
  return rows.length > 0;
}
