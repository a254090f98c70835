import { randomBytes } from "node:crypto";
import type { Database } from "@pulse/db/client";
import { meta } from "@pulse/db/tables";
import { eq } from "drizzle-orm";

const KEY = "auth_secret";

/**
 * The secret that signs session cookies: AUTH_SECRET when set, else one made on first start and
 * kept in the database, so `npm start` needs no setup and every server process shares it.
 */
export async function authSecret(db: Database, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db
    .insert(meta)
    .values({ key: KEY, value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db.select().from(meta).where(eq(meta.key, KEY));
  if (typeof row?.value !== "string") throw new Error("auth secret missing from meta");
  return row.value;
}
