import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../client";
import { ensureSeeded } from "../seed";
import { testEnv } from "./env";
import { TEST_NOW } from "./fixed-now";
import { databaseUrl, uniqueName, withAdmin } from "./postgres-admin";
import "./provided-context";

/**
 * Once per run: migrate and seed (geography + demo as of TEST_NOW) a template that every test
 * file clones, so each file starts from a fresh, identical database in well under a second.
 * Postgres: a new database per run, so reruns are clean; it is dropped at the end.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (testEnv.PULSE_TEST_DB === "postgres") {
    const runId = uniqueName("r");
    const template = `pulse_tmpl_${runId}`;
    await withAdmin((sql) => sql`create database ${sql(template)}`);
    const handle = await openDatabase({ url: databaseUrl(template), maxConnections: 2 });
    await handle.migrate();
    await ensureSeeded(handle.db, { demo: true, now: TEST_NOW });
    await handle.close();
    project.provide("seededTemplate", { kind: "postgres", database: template, runId });
    return async () => {
      await withAdmin(async (sql) => {
        const clones = await sql<
          { datname: string }[]
        >`select datname from pg_database where datname like ${`pulse_t_${runId}_%`}`;
        for (const { datname } of clones) await sql`drop database if exists ${sql(datname)} with (force)`;
        await sql`drop database if exists ${sql(template)} with (force)`;
      });
    };
  }
  const handle = await openDatabase({});
  await handle.migrate();
  await ensureSeeded(handle.db, { demo: true, now: TEST_NOW });
  if (!handle.pglite) throw new Error("expected PGlite");
  const dump = await handle.pglite.dumpDataDir("none");
  const dir = mkdtempSync(join(tmpdir(), "pulse-pglite-"));
  const dumpFile = join(dir, "seeded.tar");
  writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide("seededTemplate", { kind: "pglite", dumpFile });
  return async () => rmSync(dir, { recursive: true, force: true });
}
