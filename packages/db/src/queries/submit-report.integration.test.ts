import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type DatabaseHandle } from "../client";
import { countsReport, seededDatabase, testEnv, villageOf } from "../testing";
import { getCommunesProgress, listProvinceProgress } from "./progress";
import { verifyCounters } from "./recompute";
import { ReportConflictError, submitCountsReport } from "./submit-report";

describe(`ingest on ${testEnv.PULSE_TEST_DB}`, () => {
  let handle: DatabaseHandle;
  let village: string;
  beforeAll(async () => {
    handle = await seededDatabase();
    village = await villageOf(handle.db, "00082", 3);
  });
  afterEach(async () => {
    expect(await verifyCounters(handle.db)).toEqual([]);
  });
  afterAll(() => handle.close());

  const activated = async (table: "village" | "commune", code: string) => {
    const query =
      table === "village"
        ? sql`select eid_l2_activated as n from village_counters where village_code = ${code}`
        : sql`select eid_l2_activated as n from commune_counters where commune_code = ${code}`;
    return (await queryRows<{ n: number }>(handle.db, query))[0]?.n ?? Number.NaN;
  };

  it("adds an increment to the village, the commune and today's series", async () => {
    const before = { village: await activated("village", village), commune: await activated("commune", "00082") };
    const receipt = await submitCountsReport(
      handle.db,
      countsReport({ villageCode: village, counters: { eidL2Activated: 37 } }),
    );
    expect(receipt).toMatchObject({ duplicate: false, applied: true, communeCode: "00082", provinceCode: "01" });
    expect(await activated("village", village)).toBe(before.village + 37);
    expect(await activated("commune", "00082")).toBe(before.commune + 37);
  });

  it("counts the same key once and returns the first receipt", async () => {
    const report = countsReport({ villageCode: village, counters: { eidL2Activated: 5 } });
    const before = await activated("commune", "00082");
    const first = await submitCountsReport(handle.db, report);
    const again = await submitCountsReport(handle.db, report);
    expect(again).toMatchObject({ reportId: first.reportId, duplicate: true, receivedAt: first.receivedAt });
    expect(await activated("commune", "00082")).toBe(before + 5);
  });

  it("counts 50 concurrent submissions of one key once", async () => {
    const report = countsReport({ villageCode: village, counters: { eidL2Activated: 11 } });
    const before = await activated("commune", "00082");
    const receipts = await Promise.all(Array.from({ length: 50 }, () => submitCountsReport(handle.db, report)));
    expect(new Set(receipts.map((r) => r.reportId)).size).toBe(1);
    expect(receipts.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await activated("commune", "00082")).toBe(before + 11);
  });

  it("rejects the same key with different content and writes nothing", async () => {
    const report = countsReport({ counters: { eidL2Activated: 2 } });
    await submitCountsReport(handle.db, report);
    const before = await activated("commune", "00082");
    await expect(submitCountsReport(handle.db, { ...report, counters: { eidL2Activated: 3 } })).rejects.toBeInstanceOf(
      ReportConflictError,
    );
    expect(await activated("commune", "00082")).toBe(before);
  });

  it("keeps a late older snapshot in the ledger without moving the counter", async () => {
    const target = await villageOf(handle.db, "00082", 5);
    const base = await activated("village", target);
    await submitCountsReport(
      handle.db,
      countsReport({
        villageCode: target,
        mode: "snapshot",
        asOf: new Date("2026-11-19T10:00:00Z"),
        counters: { eidL2Activated: base + 100 },
      }),
    );
    const late = await submitCountsReport(
      handle.db,
      countsReport({
        villageCode: target,
        mode: "snapshot",
        asOf: new Date("2026-11-19T08:00:00Z"),
        counters: { eidL2Activated: base + 40 },
      }),
    );
    expect(late.applied).toBe(false);
    expect(await activated("village", target)).toBe(base + 100);
    const [row] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from reports where id = ${late.reportId}`,
    );
    expect(row?.n).toBe(1);
  });

  it("flags a report that pushes activated above eligible, and accepts it", async () => {
    const [commune] = await getCommunesProgress(handle.db, { communeCodes: ["00004"], today: "2026-11-20" });
    const room = (commune?.eligible ?? 0) - (commune?.eidL2Activated ?? 0);
    const receipt = await submitCountsReport(
      handle.db,
      countsReport({ communeCode: "00004", idempotencyKey: randomUUID(), counters: { eidL2Activated: room + 1 } }),
    );
    expect(receipt.overEligible).toBe(true);
  });

  it("sums province figures from commune counters", async () => {
    const provinces = await listProvinceProgress(handle.db, { today: "2026-11-20" });
    expect(provinces).toHaveLength(34);
    const [totals] = await queryRows<{ activated: number; eligible: number }>(
      handle.db,
      sql`select sum(eid_l2_activated)::float8 as activated, sum(eligible)::float8 as eligible from commune_counters where province_code = '01'`,
    );
    const haNoi = provinces.find((p) => p.code === "01");
    expect(haNoi).toMatchObject({
      name: "Hà Nội",
      communes: 126,
      eidL2Activated: totals?.activated,
      eligible: totals?.eligible,
    });
  });
});
