import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { openDatabase, type DatabaseHandle } from "../client";
import { testEnv } from "./env";
import { databaseUrl, uniqueName, withAdmin } from "./postgres-admin";
import "./provided-context";

/** Named after the run, so the global teardown drops whatever a crashed file left behind. */
async function postgresDatabase(template: string | null): Promise<DatabaseHandle> {
  const seeded = inject("seededTemplate");
  const name = uniqueName(`pulse_t_${seeded.kind === "postgres" ? seeded.runId : "adhoc"}`);
  await withAdmin((sql) =>
    template ? sql`create database ${sql(name)} template ${sql(template)}` : sql`create database ${sql(name)}`,
  );
  const handle = await openDatabase({ url: databaseUrl(name), maxConnections: 60 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await withAdmin((sql) => sql`drop database if exists ${sql(name)} with (force)`);
    },
  };
}

/**
 * A fresh database for one test file, migrated and seeded (geography + demo as of TEST_NOW),
 * on whichever engine this run targets (PULSE_TEST_DB=pglite|postgres).
 */
export async function seededDatabase(): Promise<DatabaseHandle> {
  const template = inject("seededTemplate");
  if (template.kind === "postgres") return postgresDatabase(template.database);
  const dump = new Blob([readFileSync(template.dumpFile)]);
  return openDatabase({ loadDataDir: dump });
}

/**
 * A seeded database for another process (a server the test starts and kills): its settings as
 * environment variables, a way to open it from the test once that process is gone, and cleanup.
 */
export async function seededDatabaseForProcess(): Promise<{
  env: Record<string, string>;
  open(): Promise<DatabaseHandle>;
  drop(): Promise<void>;
}> {
  const template = inject("seededTemplate");
  if (template.kind === "postgres") {
    const name = uniqueName(`pulse_t_${template.runId}`);
    await withAdmin((sql) => sql`create database ${sql(name)} template ${sql(template.database)}`);
    const url = databaseUrl(name);
    return {
      env: { DATABASE_URL: url },
      open: () => openDatabase({ url, maxConnections: 4 }),
      drop: () => withAdmin(async (sql) => void (await sql`drop database if exists ${sql(name)} with (force)`)),
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), "pulse-pglite-proc-"));
  const seeded = await openDatabase({ dataDir, loadDataDir: new Blob([readFileSync(template.dumpFile)]) });
  await seeded.close();
  return {
    env: { PGLITE_DIR: dataDir },
    open: () => openDatabase({ dataDir }),
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** An empty database, not even migrated: for testing migrations themselves. */
export async function emptyDatabase(): Promise<DatabaseHandle> {
  return testEnv.PULSE_TEST_DB === "postgres" ? postgresDatabase(null) : openDatabase({});
}

export { testEnv };
