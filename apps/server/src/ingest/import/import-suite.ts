import { rmSync } from "node:fs";
import type { Database, DatabaseHandle } from "@pulse/db/client";
import { verifyCounters } from "@pulse/db/ledger";
import { seededDatabase } from "@pulse/db/testing";
import { afterAll, afterEach, beforeAll, expect } from "vitest";

/**
 * The frame of an import test suite: a seeded database of its own, `db:verify` clean after every
 * test (counters always equal the ledger), and the suite's folder of files removed at the end.
 */
export function seededImportSuite(dir: string): { readonly db: Database; readonly handle: DatabaseHandle } {
  let opened: DatabaseHandle | undefined;
  const handle = () => {
    if (!opened) throw new Error("the suite's database is opened in beforeAll");
    return opened;
  };
  beforeAll(async () => {
    opened = await seededDatabase();
  });
  afterEach(async () => {
    expect(await verifyCounters(handle().db)).toEqual([]);
  });
  afterAll(async () => {
    await opened?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get db() {
      return handle().db;
    },
    get handle() {
      return handle();
    },
  };
}
