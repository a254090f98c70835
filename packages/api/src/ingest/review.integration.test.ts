import { randomUUID } from "node:crypto";
import type { DatabaseHandle } from "@pulse/db/client";
import { queryRows } from "@pulse/db/client";
import { verifyCounters } from "@pulse/db/ledger";
import { listAudit } from "@pulse/db/queries";
import { countsReport, seededDatabase, testEnv, villageOf } from "@pulse/db/testing";
import type { Role, Scope } from "@pulse/schema";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../access/principal";
import { systemImportWriter, testCallers, testUser } from "../testing";

// Cửa Nam (Hà Nội): a ward of about 29,000 eligible residents.
const CUA_NAM = "00082";

describe(`a probable typo is held for review, then approved once or rejected, on ${testEnv.PULSE_TEST_DB}`, () => {
  let handle: DatabaseHandle;
  let callers: Awaited<ReturnType<typeof testCallers>>;
  const people = {} as Record<"reporter" | "commune" | "province" | "otherProvince", Principal>;

  const figures = async (commune = CUA_NAM) => {
    const [row] = await queryRows<{ activated: number; version: number; daily: number; reports: number }>(
      handle.db,
      sql`select c.eid_l2_activated as activated, c.version::float8 as version,
          (select coalesce(sum(d_eid_l2_activated), 0)::int from commune_daily where commune_code = c.commune_code) as daily,
          (select coalesce(sum(reports), 0)::int from commune_daily where commune_code = c.commune_code) as reports
        from commune_counters c where c.commune_code = ${commune}`,
    );
    if (!row) throw new Error("no counters");
    return row;
  };
  const typo = async () =>
    countsReport({
      communeCode: CUA_NAM,
      villageCode: await villageOf(handle.db, CUA_NAM),
      source: "field",
      counters: { eidL2Activated: 900_000, householdsVisited: 12 },
    });

  beforeAll(async () => {
    handle = await seededDatabase();
    callers = await testCallers(handle.db);
    const user = (name: string, role: Role, scope: Scope) => testUser(handle.db, name, role, scope);
    Object.assign(people, {
      reporter: await user("reporter", "reporter", { kind: "commune", code: CUA_NAM }),
      commune: await user("cuanam", "commune", { kind: "commune", code: CUA_NAM }),
      province: await user("hanoi", "province", { kind: "province", code: "01" }),
      otherProvince: await user("laichau", "province", { kind: "province", code: "12" }),
    });
  });
  afterAll(() => handle.close());

  it("holds 900,000 activations in one report: nothing moves, the sender and the reviewers see it, a resend is the same receipt", async () => {
    const before = await figures();
    const report = await typo();
    const reporter = callers.callerAs(people.reporter);
    const pushedBefore = callers.live.committed.length;
    const receipt = await reporter.reports.submit(report);
    expect(receipt).toMatchObject({ review: "held", applied: false, duplicate: false });
    expect(await figures()).toEqual(before);
    expect(callers.live.committed).toHaveLength(pushedBefore);
    expect(await reporter.reports.submit(report)).toMatchObject({
      reportId: receipt.reportId,
      review: "held",
      duplicate: true,
    });
    const recent = await reporter.reports.recent({ scope: { kind: "commune", code: CUA_NAM }, limit: 50 });
    expect(recent.map((r) => r.id)).not.toContain(receipt.reportId);

    const held = await callers.callerAs(people.province).review.held({ scope: { kind: "province", code: "01" } });
    expect(held.find((h) => h.id === receipt.reportId)).toMatchObject({
      communeCode: CUA_NAM,
      counters: { eidL2Activated: 900_000, householdsVisited: 12 },
      reasons: [{ counter: "eidL2Activated", reason: "aboveRemainingEligible" }],
    });
    await expect(
      callers.callerAs(people.reporter).review.held({ scope: { kind: "commune", code: CUA_NAM } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await verifyCounters(handle.db)).toEqual([]);
  });

  it("applies an approved report exactly once, pushes it, audits who approved, and refuses a second decision", async () => {
    const report = await typo();
    const { reportId } = await callers.callerAs(people.reporter).reports.submit(report);
    const before = await figures();
    await expect(
      callers.callerAs(people.reporter).review.decide({ reportId, decision: "approve" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callers.callerAs(people.otherProvince).review.decide({ reportId, decision: "approve" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    const approved = await callers.callerAs(people.commune).review.decide({ reportId, decision: "approve" });
    expect(approved).toMatchObject({ reportId, review: "approved", applied: true, overEligible: true });
    const after = await figures();
    expect(after.activated - before.activated).toBe(900_000);
    expect(after.daily - before.daily).toBe(900_000);
    expect(after.reports - before.reports).toBe(1);
    expect(callers.live.committed.at(-1)).toMatchObject({ reportId, communeCode: CUA_NAM });

    await expect(
      callers.callerAs(people.province).review.decide({ reportId, decision: "approve" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "This report was already approved" });
    await expect(
      callers.callerAs(people.province).review.decide({ reportId, decision: "reject" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await figures()).activated).toBe(after.activated);
    expect(await callers.callerAs(people.reporter).reports.submit(report)).toMatchObject({
      reportId,
      review: "approved",
      duplicate: true,
    });
    const recent = await callers
      .callerAs(people.commune)
      .reports.recent({ scope: { kind: "commune", code: CUA_NAM }, limit: 50 });
    expect(recent.find((r) => r.id === reportId)).toMatchObject({ review: "approved" });
    const audit = await listAudit(handle.db, { limit: 5, action: "report.approve" });
    expect(audit[0]).toMatchObject({ target: `report:${reportId}` });
    expect(await verifyCounters(handle.db)).toEqual([]);
  });

  it("leaves every counter untouched when rejected, and refuses to correct what never counted", async () => {
    const report = await typo();
    const { reportId } = await callers.callerAs(people.reporter).reports.submit(report);
    const before = await figures();
    const rejected = await callers.callerAs(people.province).review.decide({ reportId, decision: "reject" });
    expect(rejected).toMatchObject({ reportId, review: "rejected", applied: false });
    expect(await figures()).toEqual(before);
    expect(await callers.callerAs(people.reporter).reports.submit(report)).toMatchObject({
      review: "rejected",
      duplicate: true,
    });
    await expect(
      callers.callerAs(people.commune).reports.correct({
        idempotencyKey: randomUUID(),
        correctsReportId: reportId,
        reporter: "Tổ 1",
        source: "field",
        counters: { eidL2Activated: 90 },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const audit = await listAudit(handle.db, { limit: 5, action: "report.reject" });
    expect(audit[0]).toMatchObject({ target: `report:${reportId}` });
    const held = await callers.callerAs(people.commune).review.held({ scope: { kind: "commune", code: CUA_NAM } });
    expect(held.map((h) => h.id)).not.toContain(reportId);
    expect(await verifyCounters(handle.db)).toEqual([]);
  });

  it("holds a typo from a file import too, while the file's ordinary rows count", async () => {
    // Cửa Nam is past its eligible residents now (the approval above): every activation there is held.
    const commune = "00070";
    const before = await figures(commune);
    const { writer } = await systemImportWriter(handle.db);
    const village = await villageOf(handle.db, commune);
    const receipts = await writer.write([
      countsReport({ communeCode: commune, villageCode: village, source: "csv", counters: { eidL2Activated: 7 } }),
      countsReport({ communeCode: commune, villageCode: village, source: "csv", counters: { peopleTrained: 25_000 } }),
      countsReport({ communeCode: CUA_NAM, source: "csv", counters: { eidL2Activated: 7 } }),
    ]);
    expect(receipts.map((r) => r.review)).toEqual([null, "held", "held"]);
    expect((await figures(commune)).activated - before.activated).toBe(7);
    expect(await verifyCounters(handle.db)).toEqual([]);
  });
});
