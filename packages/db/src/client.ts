import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./tables";

/** One type for both drivers: every query in this package is written once against it. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseKind = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /** the embedded engine, when it is PGlite (tests dump and clone it; the job queue talks to it) */
  pglite?: PGlite;
  /** the connection string, when it is Postgres (the job queue opens its own connections) */
  url?: string;
  /** applies the committed drizzle-kit migrations */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… — real Postgres. Unset: embedded PGlite. */
  url?: string | undefined;
  /** PGlite data folder; unset: in memory (tests) */
  dataDir?: string | undefined;
  /** PGlite: start from this dump of a data folder */
  loadDataDir?: Blob | undefined;
  /** Postgres pool size */
  maxConnections?: number;
}

export const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));

const casing = "snake_case";

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const client = postgres(options.url, {
      max: options.maxConnections ?? 20,
      onnotice: () => undefined,
      connection: { TimeZone: "UTC" },
      // No array types to learn (no query returns an array column), and learning them is a
      // query of the driver's own at every connect whose failure, when the database goes away
      // right then, was an unhandled rejection that ended the process.
      fetch_types: false,
    });
    const db = drizzlePostgres(client, { schema, casing });
    return {
      db,
      kind: "postgres",
      url: options.url,
      migrate: () => migratePostgres(db, { migrationsFolder }),
      close: () => client.end({ timeout: 5 }),
    };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  await client.exec("set time zone 'UTC'");
  const db = drizzlePglite(client, { schema, casing });
  return {
    db,
    kind: "pglite",
    pglite: client,
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: () => client.close(),
  };
}

/**
 * Rows of a raw query. The drivers differ in shape (postgres-js returns an array, PGlite an
 * object with `rows`); raw SQL casts its numbers and times so both return the same values.
 */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}
