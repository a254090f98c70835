import { queryRows, type DatabaseHandle } from "@pulse/db/client";
import { verifyCounters } from "@pulse/db/ledger";
import { seededDatabase, testEnv } from "@pulse/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@pulse/api";
import { testCallers } from "@pulse/api/testing";
import { startDemoFeed } from "./demo-feed";

describe(`demo feed on ${testEnv.PULSE_TEST_DB}`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await seededDatabase();
  });
  afterAll(() => handle.close());

  it("keeps reporting through the ingest path, and never takes a commune past its eligible population", async () => {
    const errors: unknown[] = [];
    const { callerAs, live } = await testCallers(handle.db, { now: () => new Date() });
    const published = live.committed;
    const caller = callerAs(SYSTEM);
    // Nam Cường's seeded campaign already activated all 6,000 eligible citizens.
    const namCuong = async () =>
      (
        await queryRows<{ activated: number; eligible: number; trained: number }>(
          handle.db,
          sql`select eid_l2_activated as activated, eligible, people_trained as trained
            from commune_counters where commune_code = '02026'`,
        )
      )[0];
    const before = await namCuong();
    const stop = await startDemoFeed(handle.db, caller, { intervalMs: 50, onError: (e) => errors.push(e) });
    await expect
      .poll(() => published.filter((r) => r.communeCode === "02026").length, { timeout: 30_000 })
      .toBeGreaterThan(2);
    stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(errors).toEqual([]);
    const after = await namCuong();
    expect(after?.activated).toBeLessThanOrEqual(after?.eligible ?? 0);
    expect(after?.activated).toBe(before?.activated);
    expect(await verifyCounters(handle.db)).toEqual([]);
  });
});
