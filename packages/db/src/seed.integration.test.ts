import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type DatabaseHandle } from "./client";
import { listCommuneProgress } from "./queries";
import { verifyCounters } from "./ledger";
import { CUA_NAM, ensureSeeded, NAM_CUONG, THU_LUM } from "./seed";
import { seededDatabase, TEST_NOW, testEnv } from "./testing";

describe(`seeded ${testEnv.PULSE_TEST_DB} database`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await seededDatabase();
  });
  afterAll(() => handle.close());

  const count = async (table: string) =>
    (await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]?.n;

  it("holds the 34 provinces and 3,321 communes of the July 2025 reform", async () => {
    expect(await count("provinces")).toBe(34);
    expect(await count("communes")).toBe(3321);
    expect(await count("commune_counters")).toBe(3321);
  });

  it("keeps Vietnamese names with their diacritics, in NFC", async () => {
    const rows = await queryRows<{ code: string; full_name: string }>(
      handle.db,
      sql`select code, full_name from communes where code in ('00082', '03439', '02026') order by code`,
    );
    expect(rows.map((r) => r.full_name)).toEqual(["Phường Cửa Nam", "Xã Nam Cường", "Xã Thu Lũm"]);
    for (const row of rows) expect(row.full_name).toBe(row.full_name.normalize("NFC"));
  });

  it("puts Nam Cường's press figures on commune 02026", async () => {
    const [commune] = (await listCommuneProgress(handle.db, { provinceCode: "19", today: "2026-11-20" })).filter(
      (c) => c.code === NAM_CUONG.communeCode,
    );
    expect(commune).toMatchObject({ name: "Nam Cường", villagesTotal: 23, eligible: 6000 });
    const [firstWeek] = await queryRows<{ activated: number; population: number }>(
      handle.db,
      sql`select sum(d_eid_l2_activated)::int as activated,
            (select population from commune_baselines where commune_code = ${NAM_CUONG.communeCode}) as population
          from commune_daily where commune_code = ${NAM_CUONG.communeCode} and day between '2025-07-21' and '2025-07-27'`,
    );
    expect(firstWeek).toEqual({ activated: 1200, population: 10800 });
  });

  it("puts Cửa Nam's teams on commune 00082: 28 groups all with a team, 6 mobile points, 2 support staff", async () => {
    const [row] = await queryRows<Record<string, number>>(
      handle.db,
      sql`select villages_total, villages_with_team, mobile_points, support_staff from commune_counters where commune_code = ${CUA_NAM.communeCode}`,
    );
    expect(row).toEqual({ villages_total: 28, villages_with_team: 28, mobile_points: 6, support_staff: 2 });
  });

  it("puts the Lai Châu border area's figures on Thu Lũm", async () => {
    const [row] = await queryRows<Record<string, number>>(
      handle.db,
      sql`select people_trained, smartphones_donated, households_visited from commune_counters where commune_code = ${THU_LUM.communeCode}`,
    );
    expect(row).toEqual({ people_trained: 20000, smartphones_donated: 1335, households_visited: 25043 });
  });

  it("marks synthetic data as demo", async () => {
    const [row] = await queryRows<{ demo: number }>(
      handle.db,
      sql`select count(*)::int as demo from communes where is_demo`,
    );
    expect(row?.demo).toBe(3321);
  });

  it("has history from the campaign start up to the seed time and none after", async () => {
    const [row] = await queryRows<{ first: string; last: string }>(
      handle.db,
      sql`select min(day)::text as first, max(day)::text as last from commune_daily`,
    );
    expect(row?.first).toBe("2025-07-01");
    expect(row && row.last <= "2026-11-20").toBe(true);
    expect(row && row.last >= "2026-11-14").toBe(true);
  });

  it("is not seeded twice: a second start adds no rows", async () => {
    const before = await count("reports");
    const result = await ensureSeeded(handle.db, { demo: true, now: TEST_NOW });
    expect(result.seeded).toBe(false);
    expect(await count("reports")).toBe(before);
    expect(await count("communes")).toBe(3321);
  });

  it("has counters equal to a recomputation from the ledger", async () => {
    expect(await verifyCounters(handle.db)).toEqual([]);
  });

  it("tops an older demo up to today on the next start: recent weeks, each once, counters rebuilt", async () => {
    const later = new Date(TEST_NOW.getTime() + 21 * 86_400_000);
    const lastReport = async () =>
      (
        await queryRows<{ last: string }>(
          handle.db,
          sql`select to_char(max(as_of) at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as last from reports
            where commune_code = ${CUA_NAM.communeCode}`,
        )
      )[0]?.last;
    expect(await lastReport()).toBe("2026-11-14");
    const before = (await count("reports")) ?? 0;
    // A server started without the demo (PULSE_DEMO=false) never invents reports.
    expect(await ensureSeeded(handle.db, { demo: false, now: later })).toEqual({
      seeded: false,
      demo: true,
      toppedUp: 0,
    });
    expect(await count("reports")).toBe(before);
    const result = await ensureSeeded(handle.db, { demo: true, now: later });
    // Three weeks of one report a commune (Nam Cường's history is its own, and done).
    expect(result).toEqual({ seeded: false, demo: true, toppedUp: expect.any(Number) });
    expect(result.toppedUp).toBeGreaterThanOrEqual(3 * 3000);
    expect(result.toppedUp).toBeLessThanOrEqual(3 * 3320);
    expect(await count("reports")).toBe(before + result.toppedUp);
    expect(await lastReport()).toBe("2026-12-05");
    expect(await verifyCounters(handle.db)).toEqual([]);
    // Started again the same day: nothing more.
    expect((await ensureSeeded(handle.db, { demo: true, now: later })).toppedUp).toBe(0);
    expect(await count("reports")).toBe(before + result.toppedUp);
  });
});
