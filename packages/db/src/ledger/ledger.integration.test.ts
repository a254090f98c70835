import { randomUUID } from "node:crypto";
import type { CountsReport } from "@pulse/schema";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type DatabaseHandle } from "../client";
import { countsReport, seededDatabase, testEnv, villageOf } from "../testing";
import { getCommunesProgress, listProvinceProgress } from "../queries/progress";
import { verifyCounters } from "./recompute";
import { correctReport } from "./corrections";
import { decideHeldReport } from "./review";
import { listRecentReports } from "../queries/recent-reports";
import {
  ReportConflictError,
  ReportValidationError,
  submitCountsReport,
  submitReports,
  writeLedgerEntries,
} from "./index";

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

  it.each([
    [
      "each in its own transaction (pool connections)",
      (r: CountsReport) => submitReports(handle.db, [r]).then(([x]) => x),
    ],
    ["through group commit", (r: CountsReport) => submitCountsReport(handle.db, r)],
  ])("counts 50 concurrent submissions of one key once, %s", async (_how, submit) => {
    const report = countsReport({ villageCode: village, counters: { eidL2Activated: 11 } });
    const before = await activated("commune", "00082");
    const receipts = await Promise.all(Array.from({ length: 50 }, () => submit(report)));
    expect(new Set(receipts.map((r) => r?.reportId)).size).toBe(1);
    expect(receipts.filter((r) => !r?.duplicate)).toHaveLength(1);
    expect(await activated("commune", "00082")).toBe(before + 11);
  });

  it("under group commit, a reused key fails alone: the other reports of its group count", async () => {
    const first = countsReport({ villageCode: village, counters: { eidL2Activated: 5 } });
    const before = await activated("commune", "00082");
    const results = await Promise.allSettled([
      submitCountsReport(handle.db, first),
      submitCountsReport(handle.db, { ...first, counters: { eidL2Activated: 6 } }),
      submitCountsReport(handle.db, countsReport({ villageCode: village, counters: { eidL2Activated: 7 } })),
      submitCountsReport(handle.db, countsReport({ communeCode: "99999", counters: { eidL2Activated: 8 } })),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "rejected"]);
    expect(results[1]).toMatchObject({ reason: expect.any(ReportConflictError) });
    expect(results[3]).toMatchObject({ reason: expect.any(ReportValidationError) });
    expect(await activated("commune", "00082")).toBe(before + 5 + 7);
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

  it("holds a report that would push activated above eligible; approved, it counts and the commune is flagged", async () => {
    const [commune] = await getCommunesProgress(handle.db, { communeCodes: ["00004"], today: "2026-11-20" });
    // Past the eligible residents by more than the 5 % an estimate is allowed.
    const extra = Math.round((commune?.eligible ?? 0) * 1.1) - (commune?.eidL2Activated ?? 0);
    const receipt = await submitCountsReport(
      handle.db,
      countsReport({ communeCode: "00004", idempotencyKey: randomUUID(), counters: { eidL2Activated: extra } }),
    );
    expect(receipt).toMatchObject({ review: "held", applied: false, overEligible: false });
    const approved = await decideHeldReport(handle.db, {
      reportId: receipt.reportId,
      decision: "approve",
      reviewer: "test",
    });
    expect(approved).toMatchObject({ review: "approved", applied: true, overEligible: true });
    const [after] = await getCommunesProgress(handle.db, { communeCodes: ["00004"], today: "2026-11-20" });
    expect(after?.eidL2Activated).toBe((commune?.eidL2Activated ?? 0) + extra);
    expect(await verifyCounters(handle.db)).toEqual([]);
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

  const ledgerSize = async () =>
    (await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from reports`))[0]?.n ?? Number.NaN;

  it("writes a batch all or nothing: an unknown commune in it leaves nothing behind", async () => {
    const before = { ledger: await ledgerSize(), commune: await activated("commune", "00082") };
    const error = await submitReports(handle.db, [
      countsReport({ counters: { eidL2Activated: 4 } }),
      countsReport({ communeCode: "99999" }),
      countsReport({ villageCode: "02026-001" }),
      countsReport({ villageCode: "00082-999" }),
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportValidationError);
    expect((error as ReportValidationError).errors).toEqual([
      { field: "1.communeCode", vi: "không có xã, phường, đặc khu với mã này", en: "no commune has this code" },
      {
        field: "2.villageCode",
        vi: "thôn, tổ dân phố thuộc xã, phường khác",
        en: "this village belongs to another commune",
      },
      {
        field: "3.villageCode",
        vi: "không có thôn, tổ dân phố với mã này",
        en: "no village or residential group has this code",
      },
    ]);
    expect(await ledgerSize()).toBe(before.ledger);
    expect(await activated("commune", "00082")).toBe(before.commune);
  });

  it("rolls a whole batch back when the database refuses a row in the middle of it", async () => {
    const before = { ledger: await ledgerSize(), commune: await activated("commune", "02026") };
    const drain = {
      eidL2Activated: -10_000_000,
      cccdIssued: 0,
      eidL2Registered: 0,
      peopleTrained: 0,
      householdsVisited: 0,
      smartphonesDonated: 0,
    };
    await expect(
      writeLedgerEntries(handle.db, [
        { report: countsReport({ communeCode: "02026", counters: { eidL2Activated: 9 } }), mode: "increment" },
        { report: countsReport({ communeCode: "02026" }), mode: "correction", fixedDelta: drain },
        { report: countsReport({ communeCode: "02026", counters: { eidL2Activated: 9 } }), mode: "increment" },
      ]),
    ).rejects.toThrow();
    expect(await ledgerSize()).toBe(before.ledger);
    expect(await activated("commune", "02026")).toBe(before.commune);
  });

  it("counts a batch at once, and a key repeated inside it once", async () => {
    const repeated = countsReport({ counters: { eidL2Activated: 7 } });
    const before = await activated("commune", "00082");
    const receipts = await submitReports(handle.db, [
      repeated,
      countsReport({ villageCode: village, counters: { eidL2Activated: 1 } }),
      repeated,
    ]);
    expect(receipts.map((r) => r.duplicate)).toEqual([false, false, true]);
    expect(receipts[2]?.reportId).toBe(receipts[0]?.reportId);
    expect(await activated("commune", "00082")).toBe(before + 8);
  });

  it("corrects a report with a new ledger row that references it", async () => {
    const before = await activated("commune", "00082");
    const original = await submitCountsReport(
      handle.db,
      countsReport({ villageCode: village, counters: { eidL2Activated: 10 } }),
    );
    const first = await correctReport(handle.db, {
      idempotencyKey: randomUUID(),
      correctsReportId: original.reportId,
      reporter: "Tổ trưởng",
      source: "field",
      counters: { eidL2Activated: 4 },
    });
    expect(await activated("commune", "00082")).toBe(before + 4);
    await correctReport(handle.db, {
      idempotencyKey: randomUUID(),
      correctsReportId: original.reportId,
      reporter: "Tổ trưởng",
      source: "field",
      counters: { eidL2Activated: 6 },
    });
    expect(await activated("commune", "00082")).toBe(before + 6);
    const history = await listRecentReports(handle.db, { scope: { kind: "commune", code: "00082" }, limit: 3 });
    expect(history.map((r) => [r.mode, r.correctsId])).toEqual([
      ["correction", original.reportId],
      ["correction", original.reportId],
      ["increment", null],
    ]);
    expect(first.reportId).toBeGreaterThan(original.reportId);
  });

  it("refuses to correct a report that does not exist", async () => {
    await expect(
      correctReport(handle.db, {
        idempotencyKey: randomUUID(),
        correctsReportId: 987654321,
        reporter: "x",
        source: "api",
        counters: { eidL2Activated: 1 },
      }),
    ).rejects.toBeInstanceOf(ReportValidationError);
  });
});
