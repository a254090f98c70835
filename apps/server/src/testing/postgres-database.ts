import { openDatabase } from "@pulse/db/client";
import { seedGeography } from "@pulse/db/seed";
import { testEnv } from "@pulse/db/testing";
import type { Account } from "@pulse/schema";
import postgres from "postgres";
import { createAccountIn } from "./accounts";

/**
 * A Postgres database of its own for server processes a test starts: migrated, the geography
 * seeded, one account in it (its password returned). `drop` removes it, whoever still holds it.
 */
export async function postgresDatabaseWithAccount(prefix: string, account: Account) {
  const name = `${prefix}_${Date.now().toString(36)}`;
  const url = new URL(testEnv.PULSE_TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  const admin = postgres(testEnv.PULSE_TEST_POSTGRES_URL, { max: 1, onnotice: () => undefined });
  await admin`create database ${admin(name)}`;
  const open = () => openDatabase({ url: url.toString(), maxConnections: 2 });
  const handle = await open();
  await handle.migrate();
  await seedGeography(handle.db);
  await handle.close();
  const password = await createAccountIn(open, account);
  return {
    name,
    url: url.toString(),
    password,
    /** the administrator's connection (to terminate the database's backends, say) */
    admin,
    async drop() {
      await admin`drop database if exists ${admin(name)} with (force)`;
      await admin.end();
    },
  };
}
