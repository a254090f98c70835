import { openDatabase, type DatabaseHandle } from "@pulse/db/client";
import { env } from "./env";

/** Postgres when DATABASE_URL is set, else PGlite persisted in PGLITE_DIR. */
export function openConfiguredDatabase(): Promise<DatabaseHandle> {
  return openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.PGLITE_DIR });
}
