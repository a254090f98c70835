import { systemImportWriter } from "@pulse/api/testing";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDatabaseUnavailable } from "@pulse/api";
import { openDatabase, queryRows, type DatabaseHandle } from "@pulse/db/client";
import { seedGeography } from "@pulse/db/seed";
import { countsReport, testEnv } from "@pulse/db/testing";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientToServerEvents, ProgressChanged, ServerToClientEvents } from "@pulse/schema";
import { io, type Socket as LiveSocket } from "socket.io-client";
import { freePort } from "../testing/child-process";
import { outageProxy } from "../testing/outage-proxy";
import { startTestApp, type TestApp } from "../testing/test-app";
import { importCsvFile } from "./import/import-csv";

/*
 * Runs in both suites: whatever engine the others use, this one is about the Postgres driver
 * behind the API losing its database and getting it back.
 */
describe("the report API while Postgres is unreachable", () => {
  const admin = new URL(testEnv.PULSE_TEST_POSTGRES_URL);
  const name = `pulse_outage_${Date.now().toString(36)}`;
  const dir = mkdtempSync(join(tmpdir(), "pulse-outage-"));
  let proxy: ReturnType<typeof outageProxy>;
  let handle: DatabaseHandle;
  let server: TestApp;
  let url: string;
  let token: string;

  beforeAll(async () => {
    const adminSql = postgres(testEnv.PULSE_TEST_POSTGRES_URL, { max: 1, onnotice: () => undefined });
    await adminSql`create database ${adminSql(name)}`;
    await adminSql.end();
    const port = await freePort();
    proxy = outageProxy(admin, port);
    await proxy.up();
    const viaProxy = new URL(testEnv.PULSE_TEST_POSTGRES_URL);
    viaProxy.host = `127.0.0.1:${port}`;
    viaProxy.pathname = `/${name}`;
    handle = await openDatabase({ url: viaProxy.toString(), maxConnections: 4 });
    await handle.migrate();
    await seedGeography(handle.db);
    server = await startTestApp(handle);
    url = `${server.url}/api/v1/reports`;
    ({ token } = await server.signedIn({ email: "admin@outage.test", role: "admin", scope: { kind: "nation" } }));
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await handle?.close();
    await proxy?.down();
    const adminSql = postgres(testEnv.PULSE_TEST_POSTGRES_URL, { max: 1, onnotice: () => undefined });
    await adminSql`drop database if exists ${adminSql(name)} with (force)`;
    await adminSql.end();
    rmSync(dir, { recursive: true, force: true });
  });

  const submit = (idempotencyKey = randomUUID()) =>
    fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(countsReport({ idempotencyKey, counters: { eidL2Activated: 4 } })),
    });

  it("answers 503 with Retry-After while it is down, writes nothing, and recovers by itself", async () => {
    expect((await submit()).status).toBe(200);
    await proxy.down();
    const key = randomUUID();
    const during = await submit(key);
    expect(during.status).toBe(503);
    expect(during.headers.get("retry-after")).toBe("5");
    expect(((await during.json()) as { error: { vi: string } }).error.vi).toMatch(/không truy cập được/);

    await proxy.up();
    await expect.poll(async () => (await submit(key)).status, { timeout: 15_000, interval: 500 }).toBe(200);
    const [row] = await queryRows<{ activated: number; ledger: number }>(
      handle.db,
      sql`select eid_l2_activated as activated, (select count(*)::int from reports) as ledger
        from commune_counters where commune_code = '00082'`,
    );
    // The first report and the retried one: the 503 attempt left nothing behind.
    expect(row).toEqual({ activated: 8, ledger: 2 });
  });

  it("keeps beating heartbeats to screens while it is down, and pushes changes again once it is back", async () => {
    const socket: LiveSocket<ServerToClientEvents, ClientToServerEvents> = io(server.url, {
      transports: ["websocket"],
      auth: { token },
    });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    await new Promise<void>((resolve) => socket.emit("room:join", "commune:00082", () => resolve()));
    try {
      await proxy.down();
      const beats: string[] = [];
      socket.on("live:heartbeat", (beat) => beats.push(beat.at));
      expect((await submit()).status).toBe(503);
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      expect(beats.length).toBeGreaterThanOrEqual(1);
      expect(socket.connected).toBe(true);
    } finally {
      await proxy.up();
    }
    const pushed = new Promise<ProgressChanged>((resolve) => socket.once("progress:changed", resolve));
    await expect.poll(async () => (await submit()).status, { timeout: 15_000, interval: 500 }).toBe(200);
    expect(await pushed).toMatchObject({ room: "commune:00082" });
    socket.close();
  }, 40_000);

  it("stops a CSV import with a retryable error when the database goes away mid-import; re-running completes it exactly", async () => {
    const file = join(dir, "outage.csv");
    const rows = 20_000;
    writeFileSync(
      file,
      `communeCode,asOf,reporter,mode,peopleTrained\n${Array.from({ length: rows }, (_, i) => `02026,2025-08-01 ${String(i % 24).padStart(2, "0")}:00,Tổ CNS,increment,1`).join("\n")}\n`,
    );
    const trained = async () =>
      (
        await queryRows<{ n: number }>(
          handle.db,
          sql`select people_trained as n from commune_counters where commune_code = '02026'`,
        )
      )[0]?.n ?? Number.NaN;
    const before = await trained();
    let cut = false;
    const interrupted = importCsvFile(handle.db, file, (await systemImportWriter(handle.db)).writer, {
      skipInvalid: false,
      batchSize: 1000,
      onProgress: (p) => {
        if (p.phase === "write" && p.written > 0 && !cut) {
          cut = true;
          void proxy.down();
        }
      },
    });
    const error: unknown = await interrupted.then(
      () => null,
      (e: unknown) => e,
    );
    expect(cut).toBe(true);
    expect(isDatabaseUnavailable(error)).toBe(true);

    await proxy.up();
    await expect.poll(async () => (await submit()).status, { timeout: 15_000, interval: 500 }).toBe(200);
    const rerun = await importCsvFile(handle.db, file, (await systemImportWriter(handle.db)).writer, {
      skipInvalid: false,
    });
    expect(rerun.status).toBe("imported");
    expect(rerun.imported + rerun.duplicates).toBe(rows);
    expect(rerun.duplicates).toBeGreaterThan(0);
    expect(await trained()).toBe(before + rows);
  });
});
