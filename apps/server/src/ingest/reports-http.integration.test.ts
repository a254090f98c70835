import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { openDatabase, queryRows, type DatabaseHandle } from "@pulse/db/client";
import type { CommittedReport } from "@pulse/db/ledger";
import { countsReport, seededDatabase, testEnv } from "@pulse/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "../auth/auth";
import { createPrincipalResolver } from "../auth/resolve-principal";
import { createHttpServer } from "../http/server";
import { startTestApp, TEST_AUTH_SECRET, TEST_WEB_ORIGIN, type TestApp } from "../testing/test-app";

/** A valid report as JSON would carry it; overrides may make it invalid on purpose. */
const report = (overrides: Record<string, unknown> = {}) => ({
  ...countsReport({ villageCode: "00082-002", counters: { eidL2Activated: 3 } }),
  ...overrides,
});

let token = "";
const post = (url: string, body: unknown, contentType = "application/json") =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": contentType, authorization: `Bearer ${token}` },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe(`POST /api/v1/reports on ${testEnv.PULSE_TEST_DB}`, () => {
  let handle: DatabaseHandle;
  let server: TestApp;
  let url: string;
  let published: CommittedReport[];
  beforeAll(async () => {
    handle = await seededDatabase();
    server = await startTestApp(handle);
    url = `${server.url}/api/v1/reports`;
    published = server.committed;
    ({ token } = await server.signedIn({ email: "admin@ingest.test", role: "admin", scope: { kind: "nation" } }));
  });
  afterAll(async () => {
    await server.close();
    await handle.close();
  });

  const ledgerSize = async () =>
    (await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from reports`))[0]?.n ?? Number.NaN;

  it("accepts a report, acknowledges it after commit and tells the live hub", async () => {
    const body = report();
    const response = await post(url, body);
    expect(response.status).toBe(200);
    const { receipts } = (await response.json()) as { receipts: CommittedReport[] };
    expect(receipts[0]).toMatchObject({ idempotencyKey: body.idempotencyKey, duplicate: false, communeCode: "00082" });
    expect(published.at(-1)?.idempotencyKey).toBe(body.idempotencyKey);
  });

  it("returns the first receipt for a repeated key, and 409 when the key is reused for other content", async () => {
    const body = report();
    const first = (await (await post(url, body)).json()) as { receipts: CommittedReport[] };
    const again = (await (await post(url, body)).json()) as { receipts: CommittedReport[] };
    expect(again.receipts[0]).toMatchObject({ reportId: first.receipts[0]?.reportId, duplicate: true });
    const conflict = await post(url, { ...body, counters: { eidL2Activated: 4 } });
    expect(conflict.status).toBe(409);
    expect(((await conflict.json()) as { error: { vi: string } }).error.vi).toMatch(/đã dùng cho một báo cáo khác/);
  });

  it("accepts a batch as an array or { reports }, all or nothing", async () => {
    expect((await post(url, [report(), report()])).status).toBe(200);
    const before = await ledgerSize();
    const bad = await post(url, { reports: [report(), report({ communeCode: "99999" })] });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { fieldErrors: { field: string }[] } }).error.fieldErrors).toEqual([
      expect.objectContaining({ field: "1.communeCode", en: "no commune has this code" }),
    ]);
    expect(await ledgerSize()).toBe(before);
  });

  it.each([
    ["a negative number", report({ counters: { eidL2Activated: -5 } }), "counters.eidL2Activated", "không được âm"],
    ["a fraction", report({ counters: { eidL2Activated: 2.5 } }), "counters.eidL2Activated", "phải là số nguyên"],
    [
      "an absurd number",
      report({ counters: { eidL2Activated: 20_000_000 } }),
      "counters.eidL2Activated",
      "quá lớn (tối đa 10.000.000)",
    ],
    ["an empty report", report({ counters: {} }), "counters", "báo cáo không có số liệu nào"],
    [
      "an as-of in the future",
      report({ asOf: new Date(Date.now() + 3600_000).toISOString() }),
      "asOf",
      "thời điểm số liệu ở tương lai (quá 5 phút)",
    ],
    [
      "an unknown commune",
      report({ communeCode: "99999", villageCode: undefined }),
      "communeCode",
      "không có xã, phường, đặc khu với mã này",
    ],
    ["an unknown village", report({ villageCode: "00082-900" }), "villageCode", "không có thôn, tổ dân phố với mã này"],
    [
      "a village of another commune",
      report({ villageCode: "02026-001" }),
      "villageCode",
      "thôn, tổ dân phố thuộc xã, phường khác",
    ],
    [
      "a personal field",
      report({ counters: { eidL2Activated: 1, citizenId: 1 } }),
      "counters.citizenId",
      "trường không được hỗ trợ",
    ],
  ])("refuses %s with 422 naming the field, and writes nothing", async (_case, body, field, vi) => {
    const before = await ledgerSize();
    const response = await post(url, body);
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as {
      error: { fieldErrors: { field: string; vi: string; en: string }[] };
    };
    expect(error.fieldErrors).toContainEqual(expect.objectContaining({ field, vi }));
    expect(error.fieldErrors.every((e) => e.en.length > 0)).toBe(true);
    expect(await ledgerSize()).toBe(before);
  });

  it("takes team and baseline changes through the same endpoint and ledger", async () => {
    const envelope = { communeCode: "00082", asOf: new Date().toISOString(), reporter: "UBND phường", source: "api" };
    const staff = await post(url, {
      kind: "team",
      idempotencyKey: randomUUID(),
      ...envelope,
      change: { action: "supportStaffSet", members: 4 },
    });
    expect(staff.status).toBe(200);
    const baseline = await post(url, {
      kind: "baseline",
      idempotencyKey: randomUUID(),
      ...envelope,
      eligible: 29_000,
      effectiveOn: "2026-11-01",
    });
    expect(baseline.status).toBe(200);
    const [row] = await queryRows<{ eligible: number; support_staff: number }>(
      handle.db,
      sql`select eligible, support_staff from commune_counters where commune_code = '00082'`,
    );
    expect(row).toEqual({ eligible: 29_000, support_staff: 4 });
    const bad = await post(url, {
      kind: "baseline",
      idempotencyKey: randomUUID(),
      ...envelope,
      eligible: -1,
      effectiveOn: "hôm qua",
    });
    expect(bad.status).toBe(422);
    const { error } = (await bad.json()) as { error: { fieldErrors: { field: string }[] } };
    expect(error.fieldErrors.map((e) => e.field).sort()).toEqual(["effectiveOn", "eligible"]);
  });

  it("answers 400 to malformed JSON, 415 to another content type, 413 over 1 MB", async () => {
    expect((await post(url, "{not json")).status).toBe(400);
    expect((await post(url, JSON.stringify(report()), "text/plain")).status).toBe(415);
    const huge = await post(url, { reports: [report({ reporter: "x".repeat(1_100_000) })] });
    expect(huge.status).toBe(413);
    const before = await ledgerSize();
    const viaTrpc = await post(url.replace("/api/v1/reports", "/trpc/reports.submit"), {
      json: report({ reporter: "x".repeat(1_100_000) }),
    });
    expect(viaTrpc.status).toBe(413);
    expect(await ledgerSize()).toBe(before);
  });

  it("refuses another method with 405 naming the one it takes, in both languages", async () => {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(await response.json()).toEqual({
      error: { vi: "Chỉ nhận POST", en: "Only POST is accepted", fieldErrors: [] },
    });
  });

  it("describes its REST routes in an OpenAPI document, with the report's schema", async () => {
    const response = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema?: unknown }> } }>>;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/reports", "/api/v1/imports", "/api/v1/export.pdf", "/healthz"]),
    );
    const body = JSON.stringify(doc.paths["/api/v1/reports"]?.post?.requestBody?.content["application/json"]?.schema);
    for (const field of ["idempotencyKey", "communeCode", "eidL2Activated", "date-time"]) expect(body).toContain(field);
    expect(doc.paths["/api/v1/imports"]?.post?.requestBody?.content).toHaveProperty("text/csv");
  });

  it("answers 503 with Retry-After when the database is unreachable, writing nothing", async () => {
    const down = await openDatabase({ url: "postgres://postgres@127.0.0.1:1/unreachable", maxConnections: 1 });
    const { services } = server.app;
    const { http: downServer } = createHttpServer({
      ...services,
      db: down.db,
      // Sessions live in the database too: who is asking cannot be known either.
      resolvePrincipal: createPrincipalResolver(
        createAuth(down.db, { secret: TEST_AUTH_SECRET, webOrigin: TEST_WEB_ORIGIN }),
        down.db,
      ),
    });
    await new Promise<void>((resolve) => downServer.listen(0, "127.0.0.1", resolve));
    const downUrl = `http://127.0.0.1:${(downServer.address() as AddressInfo).port}/api/v1/reports`;
    const response = await post(downUrl, report());
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    downServer.close();
    await down.close();
  });
});
