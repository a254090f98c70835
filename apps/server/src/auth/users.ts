import { randomInt } from "node:crypto";
import type { Database } from "@pulse/db/client";
import { deleteUserSessions, findUserIdByEmail, setUserAccess, writeAudit } from "@pulse/db/queries";
import { scopeKey, type Account } from "@pulse/schema";
import type { Auth } from "./auth";

/** 16 characters from an alphabet without look-alikes: read off a screen and typed once. */
export function oneTimePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
  // randomInt draws each character uniformly (a byte modulo 54 favours the first 40).
  return Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)]).join("");
}

/**
 * Creates a user (or gives an existing one a new role, scope and password, signing them out
 * everywhere), hashed by better-auth, and records it in the audit log. Returns the password to
 * hand over once.
 */
export async function createUser(
  auth: Auth,
  db: Database,
  account: Account & { password?: string | undefined },
  actor: string,
): Promise<{ userId: string; password: string; created: boolean }> {
  const context = await auth.$context;
  const password = account.password ?? oneTimePassword();
  const hash = await context.password.hash(password);
  const existing = await findUserIdByEmail(db, account.email);
  let userId = existing;
  if (!userId) {
    const user = await context.internalAdapter.createUser(
      {
        email: account.email,
        name: account.name ?? account.email,
        emailVerified: true,
      },
      { method: "email-password" },
    );
    userId = user.id;
    await context.internalAdapter.linkAccount({ userId, providerId: "credential", accountId: userId, password: hash });
  } else {
    // A new password ends every session signed in with the old one.
    await context.internalAdapter.updatePassword(userId, hash);
    await deleteUserSessions(db, userId);
  }
  await setUserAccess(db, { userId, role: account.role, scope: account.scope });
  await writeAudit(db, {
    actor,
    action: existing ? "user.update" : "user.create",
    target: `user:${account.email}`,
    details: { role: account.role, scope: scopeKey(account.scope) },
  });
  return { userId, password, created: !existing };
}
