import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { queryRows } from "@pulse/db/client";
import { verifyCounters } from "@pulse/db/ledger";
import { seededDatabaseForProcess, testEnv } from "@pulse/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { signInForToken } from "../../auth/sign-in-client";
import { createAccountIn } from "../../testing/accounts";
import { exited, freePort, startServerProcess } from "../../testing/child-process";
import { uploadCsv } from "../../testing/import-client";
import type { ImportEvent } from "@pulse/schema";

const ROWS = 30_000;
const COMMUNES = ["00082", "02026", "03439"];

/**
 * A file of increments spread over the villages of three communes; returns what it adds up to.
 * People trained, not accounts activated: 30,000 rows of activations would pass Nam Cường's
 * eligible residents, and the rest would be held for review (not what this test is about).
 */
function generateCsv(path: string): number {
  const lines = ["communeCode,villageCode,asOf,reporter,mode,peopleTrained"];
  let total = 0;
  for (let i = 0; i < ROWS; i++) {
    const commune = COMMUNES[i % COMMUNES.length] ?? "00082";
    const trained = 1 + (i % 5);
    total += trained;
    lines.push(
      `${commune},${commune}-00${1 + (i % 5)},2025-08-${String(1 + (i % 28)).padStart(2, "0")},Tổ CNS,increment,${trained}`,
    );
  }
  writeFileSync(path, `${lines.join("\n")}\n`);
  return total;
}

describe(`a server killed with SIGKILL in the middle of a CSV import, on ${testEnv.PULSE_TEST_DB}`, () => {
  const dir = mkdtempSync(join(tmpdir(), "pulse-crash-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Two server starts and 30,000 rows written twice: on the embedded database under CI's load
  // this takes about a minute.
  it("ends with exactly the right totals once restarted and the import re-run", async () => {
    const database = await seededDatabaseForProcess();
    const file = join(dir, "big.csv");
    const expectedAdded = generateCsv(file);
    const trainedIn = async () => {
      const handle = await database.open();
      try {
        const [row] = await queryRows<{ trained: number; ledger: number }>(
          handle.db,
          sql`select (select sum(people_trained)::int from commune_counters where commune_code in ('00082','02026','03439')) as trained,
            (select count(*)::int from reports) as ledger`,
        );
        return { ...row, mismatches: await verifyCounters(handle.db) };
      } finally {
        await handle.close();
      }
    };
    const before = await trainedIn();
    const env = { ...database.env, PULSE_DEMO: "false" };
    const port = await freePort();
    const account = { email: "admin@crash.test", role: "admin", scope: { kind: "nation" } } as const;
    const password = await createAccountIn(database.open, account);
    const signIn = () => signInForToken(`http://127.0.0.1:${port}`, account.email, password);
    try {
      let server = await startServerProcess(port, env);
      let writtenWhenKilled = 0;
      try {
        for await (const event of uploadCsv(port, file, await signIn())) {
          if (event.type === "progress" && event.phase === "write" && event.written >= 2000) {
            writtenWhenKilled = event.written;
            server.kill("SIGKILL");
            break;
          }
        }
      } catch {
        // the connection dies with the server
      }
      await exited(server);
      expect(writtenWhenKilled).toBeGreaterThan(0);
      expect(writtenWhenKilled).toBeLessThan(ROWS);

      server = await startServerProcess(port, env);
      let result: Extract<ImportEvent, { type: "result" }> | undefined;
      for await (const event of uploadCsv(port, file, await signIn())) if (event.type === "result") result = event;
      server.kill("SIGTERM");
      await exited(server);

      expect(result).toMatchObject({ status: "imported", rows: ROWS });
      expect(result?.duplicates).toBeGreaterThanOrEqual(writtenWhenKilled);
      expect((result?.imported ?? 0) + (result?.duplicates ?? 0)).toBe(ROWS);
      const after = await trainedIn();
      expect(after.trained).toBe((before.trained ?? 0) + expectedAdded);
      expect(after.ledger).toBe((before.ledger ?? 0) + ROWS);
      expect(after.mismatches).toEqual([]);
    } finally {
      await database.drop();
    }
  }, 180_000);
});
