import { queryRows, type DatabaseHandle } from "@pulse/db/client";
import { verifyCounters } from "@pulse/db/ledger";
import { seededDatabase, testEnv } from "@pulse/db/testing";
import type { CommunePlaces, ProvincePlaces } from "@pulse/schema";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../testing/test-app";

const CUA_NAM = { kind: "commune", code: "00082" } as const;

describe(`the field page's places (GET /api/v1/places), on ${testEnv.PULSE_TEST_DB}`, () => {
  let handle: DatabaseHandle;
  let server: TestApp;
  let commune = "";
  let province = "";
  let otherProvince = "";
  const get = async (query: string, token: string) => {
    const response = await fetch(`${server.url}/api/v1/places?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  beforeAll(async () => {
    handle = await seededDatabase();
    server = await startTestApp(handle);
    commune = (await server.signedIn({ email: "to@places.test", role: "reporter", scope: CUA_NAM })).token;
    province = (
      await server.signedIn({ email: "tinh@places.test", role: "province", scope: { kind: "province", code: "01" } })
    ).token;
    otherProvince = (
      await server.signedIn({ email: "hcm@places.test", role: "province", scope: { kind: "province", code: "79" } })
    ).token;
  });
  afterAll(async () => {
    expect(await verifyCounters(handle.db)).toEqual([]);
    await server.close();
    await handle.close();
  });

  it("gives a commune's villages and figures, which include a report as soon as it is recorded", async () => {
    const villages = await queryRows<{ code: string }>(
      handle.db,
      sql`select code from villages where commune_code = '00082'`,
    );
    const before = (await get("commune=00082", commune)) as { status: number; body: CommunePlaces };
    expect(before.status).toBe(200);
    expect(before.body.commune.fullName).toBe("Phường Cửa Nam");
    expect(before.body.villages.map((v) => v.code).sort()).toEqual(villages.map((v) => v.code).sort());
    // Only what the phone shows: no series, no teams.
    expect(Object.keys(before.body).sort()).toEqual(["activatedToday", "commune", "villages"]);

    const village = before.body.villages[0];
    if (!village) throw new Error("no village");
    const sent = await fetch(`${server.url}/api/v1/reports`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${commune}` },
      body: JSON.stringify({
        idempotencyKey: randomUUID(),
        communeCode: "00082",
        villageCode: village.code,
        asOf: new Date().toISOString(),
        reporter: "Tổ kiểm thử",
        source: "field",
        mode: "increment",
        counters: { eidL2Activated: 4, householdsVisited: 2 },
      }),
    });
    expect(sent.status).toBe(200);
    const after = (await get("commune=00082", commune)) as { body: CommunePlaces };
    expect(after.body.activatedToday - before.body.activatedToday).toBe(4);
    expect(after.body.commune.eidL2Activated - before.body.commune.eidL2Activated).toBe(4);
    const villageAfter = after.body.villages.find((v) => v.code === village.code);
    expect((villageAfter?.householdsVisited ?? 0) - village.householdsVisited).toBe(2);
  });

  it("gives a province user its communes, and refuses what lies outside the caller's scope", async () => {
    const mine = (await get("province=01", province)) as { status: number; body: ProvincePlaces };
    expect(mine.status).toBe(200);
    expect(mine.body.communes.length).toBeGreaterThan(100);
    expect(mine.body.communes.find((c) => c.code === "00082")?.fullName).toBe("Phường Cửa Nam");
    expect((await get("province=01", commune)).status).toBe(403);
    expect((await get("commune=00082", otherProvince)).status).toBe(403);
  });

  it("names the parameter at fault, in Vietnamese and English", async () => {
    for (const query of ["", "commune=82", "commune=00082&province=01", "village=00082-001"]) {
      const { status, body } = await get(query, commune);
      expect(status, query).toBe(400);
      const { error } = body as { error: { vi: string; en: string; fieldErrors: { field: string; en: string }[] } };
      expect(error.fieldErrors.length, query).toBeGreaterThan(0);
      expect(error.vi.length).toBeGreaterThan(0);
    }
    const { body } = await get("commune=00082&province=01", commune);
    expect(JSON.stringify(body)).toContain("give exactly one of commune");
    expect((await fetch(`${server.url}/api/v1/places?commune=00082`)).status).toBe(401);
  });
});
