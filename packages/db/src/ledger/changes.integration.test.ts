import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type DatabaseHandle } from "../client";
import { seededDatabase, testEnv } from "../testing";
import { verifyCounters } from "./recompute";
import { submitBaselineChange, submitTeamChange } from "./changes";
import { ReportConflictError, ReportValidationError } from "./index";

const envelope = (communeCode = "02026") => ({
  idempotencyKey: randomUUID(),
  communeCode,
  asOf: new Date(),
  reporter: "UBND xã",
  source: "api" as const,
});

describe(`team and baseline changes through the ledger, on ${testEnv.PULSE_TEST_DB}`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await seededDatabase();
  });
  afterEach(async () => {
    expect(await verifyCounters(handle.db)).toEqual([]);
  });
  afterAll(() => handle.close());

  const figures = async (code = "02026") => {
    const [row] = await queryRows<{
      eligible: number;
      eligible_as_of: string;
      villages_with_team: number;
      support_staff: number;
      mobile_points: number;
      version: number;
      ledger: number;
    }>(
      handle.db,
      sql`select eligible, eligible_as_of::text, villages_with_team, support_staff, mobile_points, version::float8 as version,
          (select count(*)::int from reports) as ledger
        from commune_counters where commune_code = ${code}`,
    );
    if (!row) throw new Error("no commune");
    return row;
  };
  const villageWithoutTeam = async (code = "02026") => {
    const [row] = await queryRows<{ code: string }>(
      handle.db,
      sql`select v.code from villages v where v.commune_code = ${code} and not exists
        (select 1 from teams t where t.village_code = v.code and t.active and t.kind = 'community_team') order by v.code limit 1`,
    );
    if (!row) throw new Error("every village has a team");
    return row.code;
  };

  it("a team formed in a village without one raises team coverage; disbanding it lowers it again", async () => {
    const village = await villageWithoutTeam();
    const before = await figures();
    const formed = await submitTeamChange(handle.db, {
      ...envelope(),
      villageCode: village,
      change: {
        action: "teamFormed",
        teamKind: "community_team",
        name: "Tổ công nghệ số cộng đồng thôn mới",
        members: 5,
      },
    });
    const after = await figures();
    expect(after.villages_with_team).toBe(before.villages_with_team + 1);
    expect(after.version).toBeGreaterThan(before.version);
    expect(formed).toMatchObject({ duplicate: false, communeCode: "02026", provinceCode: expect.any(String) });
    const [team] = await queryRows<{ id: number }>(
      handle.db,
      sql`select id from teams where report_id = ${formed.reportId}`,
    );
    await submitTeamChange(handle.db, {
      ...envelope(),
      villageCode: village,
      change: { action: "teamDisbanded", teamId: team?.id ?? 0 },
    });
    expect((await figures()).villages_with_team).toBe(before.villages_with_team);
  });

  it("refuses to disband a team that is not there, or belongs to another commune, writing nothing", async () => {
    const [other] = await queryRows<{ id: number }>(
      handle.db,
      sql`select id from teams where commune_code = '00082' and active and kind = 'community_team' limit 1`,
    );
    const before = await figures();
    for (const teamId of [999_999, other?.id ?? 0]) {
      const refused = submitTeamChange(handle.db, { ...envelope(), change: { action: "teamDisbanded", teamId } });
      await expect(refused).rejects.toBeInstanceOf(ReportValidationError);
      await expect(refused).rejects.toMatchObject({ errors: [expect.objectContaining({ field: "change.teamId" })] });
    }
    expect(await figures()).toEqual(before);
  });

  it("sets support staff and counts mobile literacy points", async () => {
    const before = await figures();
    await submitTeamChange(handle.db, { ...envelope(), change: { action: "supportStaffSet", members: 1 } });
    expect((await figures()).support_staff).toBe(1);
    await submitTeamChange(handle.db, { ...envelope(), change: { action: "supportStaffSet", members: 3 } });
    await submitTeamChange(handle.db, {
      ...envelope(),
      change: {
        action: "teamFormed",
        teamKind: "mobile_point",
        name: "Điểm phổ cập kỹ năng số lưu động chợ xã",
        members: 2,
      },
    });
    const after = await figures();
    expect(after.support_staff).toBe(3);
    expect(after.mobile_points).toBe(before.mobile_points + 1);
  });

  it("takes the newest baseline by its date, whatever the order it arrives in", async () => {
    await submitBaselineChange(handle.db, {
      ...envelope(),
      eligible: 6100,
      population: 10_900,
      effectiveOn: "2026-10-01",
    });
    expect(await figures()).toMatchObject({ eligible: 6100, eligible_as_of: "2026-10-01" });
    await submitBaselineChange(handle.db, { ...envelope(), eligible: 5900, effectiveOn: "2026-01-01" });
    expect(await figures()).toMatchObject({ eligible: 6100, eligible_as_of: "2026-10-01" });
  });

  it("flags a baseline that puts activated above eligible", async () => {
    const [row] = await queryRows<{ activated: number }>(
      handle.db,
      sql`select eid_l2_activated as activated from commune_counters where commune_code = '02026'`,
    );
    const receipt = await submitBaselineChange(handle.db, {
      ...envelope(),
      eligible: Math.max(1, (row?.activated ?? 2) - 1),
      effectiveOn: "2026-11-01",
    });
    expect(receipt.overEligible).toBe(true);
  });

  it("counts a repeated key once and refuses a reused one", async () => {
    const change = { ...envelope(), eligible: 6200, effectiveOn: "2026-11-02" };
    const first = await submitBaselineChange(handle.db, change);
    const again = await submitBaselineChange(handle.db, change);
    expect(again).toMatchObject({ reportId: first.reportId, duplicate: true });
    const before = await figures();
    await expect(submitBaselineChange(handle.db, { ...change, eligible: 1 })).rejects.toBeInstanceOf(
      ReportConflictError,
    );
    expect(await figures()).toEqual(before);
  });
});
