import type { DatabaseHandle } from "@pulse/db/client";
import { countsReport, seededDatabase, testEnv } from "@pulse/db/testing";
import { formatRate } from "@pulse/indicators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "../access/principal";
import { testCallers, type LiveRecord } from "../testing";

describe(`progress and reports routers on ${testEnv.PULSE_TEST_DB}`, () => {
  let handle: DatabaseHandle;
  let callers: Awaited<ReturnType<typeof testCallers>>;
  let live: LiveRecord;
  const caller = () => callers.callerAs(SYSTEM);
  beforeAll(async () => {
    handle = await seededDatabase();
    callers = await testCallers(handle.db);
    live = callers.live;
  });
  afterAll(() => handle.close());

  it("gives the nation as 34 provinces whose totals are sums of counters", async () => {
    const nation = await caller().progress.nation();
    expect(nation.provinces).toHaveLength(34);
    expect(nation.campaign?.id).toBe("toan-quoc-2026");
    const activated = nation.provinces.reduce((n, p) => n + p.eidL2Activated, 0);
    const eligible = nation.provinces.reduce((n, p) => n + p.eligible, 0);
    expect(nation.total.eidL2Activated).toBe(activated);
    expect(nation.total.indicators.activationRate.numerator).toBe(activated);
    expect(nation.total.indicators.activationRate.denominator).toBe(eligible);
    expect(nation.total.communes).toBe(3321);
  });

  it("gives every commune of Hà Nội with its pace against the campaign", async () => {
    const haNoi = await caller().progress.province({ code: "01" });
    expect(haNoi.communes).toHaveLength(126);
    const cuaNam = haNoi.communes.find((c) => c.code === "00082");
    expect(cuaNam?.fullName).toBe("Phường Cửa Nam");
    expect(["done", "on_track", "at_risk", "behind"]).toContain(cuaNam?.indicators.pace?.status);
  });

  it("measures pace against another campaign when asked", async () => {
    const namCuong = await caller().progress.communes({ codes: ["02026"], campaignId: "nam-cuong-2025" });
    expect(namCuong[0]?.indicators.pace).toMatchObject({ daysLeft: 0, target: 6000 });
  });

  it("tells the live hub after a report commits, and not again for a repeated key", async () => {
    const report = countsReport({ communeCode: "02026", counters: { eidL2Activated: 3 } });
    const before = (await caller().progress.communes({ codes: ["02026"] }))[0];
    await caller().reports.submit(report);
    await caller().reports.submit(report);
    expect(live.committed.filter((p) => p.idempotencyKey === report.idempotencyKey)).toHaveLength(1);
    const after = (await caller().progress.communes({ codes: ["02026"] }))[0];
    expect(after?.eidL2Activated).toBe((before?.eidL2Activated ?? 0) + 3);
    expect(after && formatRate(after.indicators.activationRate, "vi")).toMatch(/%$/);
  });

  it("refuses a malformed report with the field named", async () => {
    await expect(caller().reports.submit({ ...countsReport(), communeCode: "82" })).rejects.toThrow(/communeCode/);
  });
});
