import { randomUUID } from "node:crypto";
import { countsReport, testEnv } from "@pulse/db/testing";
import type { ClientToServerEvents, ProgressChanged, ServerToClientEvents } from "@pulse/schema";
import postgres from "postgres";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInForToken } from "../auth/sign-in-client";
import { exited, freePort, startServerProcess, type RunningProcess } from "../testing/child-process";
import { postgresDatabaseWithAccount } from "../testing/postgres-database";

const CLIENTS = 8;

/**
 * A rolling restart: two server processes on Postgres and Redis; A is stopped (SIGTERM) while
 * reports flow to it, and a screen watches on B. (A reverse proxy would send A's clients on to B:
 * deploy/nginx.conf.) Postgres whatever the suite's engine.
 */
describe("a rolling restart of one of two server processes", () => {
  let database: Awaited<ReturnType<typeof postgresDatabaseWithAccount>> | undefined;
  const servers: RunningProcess[] = [];
  const ports: number[] = [];
  let token = "";
  let screen: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;

  beforeAll(async () => {
    const account = { email: "admin@roll.test", role: "admin", scope: { kind: "nation" } } as const;
    database = await postgresDatabaseWithAccount("pulse_roll", account);
    const env = {
      DATABASE_URL: database.url,
      PULSE_DEMO: "false",
      REDIS_URL: testEnv.PULSE_TEST_REDIS_URL,
      REDIS_PREFIX: database.name,
      SHUTDOWN_TIMEOUT_MS: "3000",
      INGEST_REQUESTS_PER_MINUTE: "1000000",
    };
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      ports.push(port);
      servers.push(await startServerProcess(port, env));
    }
    token = await signInForToken(`http://127.0.0.1:${ports[1]}`, account.email, database.password);
  }, 180_000);

  afterAll(async () => {
    screen?.close();
    for (const server of servers) if (server.exitCode === null) server.kill("SIGTERM");
    await Promise.all(servers.map(exited));
    await database?.drop();
  });

  const post = (port: number | undefined, body: string) =>
    fetch(`http://127.0.0.1:${port}/api/v1/reports`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body,
    }).catch((error: Error) => error);

  it("loses no acknowledged report: each is in the ledger once and on the screens of the process that stays", async () => {
    screen = io(`http://127.0.0.1:${ports[1]}`, { transports: ["websocket"], auth: { token } });
    await new Promise<void>((resolve) => screen?.once("connect", () => resolve()));
    await new Promise<void>((resolve) => screen?.emit("room:join", "commune:00082", () => resolve()));
    let shown = -1;
    screen.on("progress:changed", (event: ProgressChanged) => {
      // a delta: the commune's activations are in it whenever they changed
      const unit = event.units.find((u) => u.code === "00082");
      if (typeof unit?.eidL2Activated === "number") shown = unit.eidL2Activated;
    });

    const acknowledged: string[] = [];
    const refused: string[] = [];
    const unexpected: string[] = [];
    // Each client reports to A until A stops answering (refused connection, or 503 while it drains).
    const client = async () => {
      for (;;) {
        const key = randomUUID();
        const answer = await post(
          ports[0],
          JSON.stringify(countsReport({ idempotencyKey: key, counters: { eidL2Activated: 1 } })),
        );
        if (answer instanceof Error || answer.status === 503) return void refused.push(key);
        if (answer.status === 200) acknowledged.push(key);
        else unexpected.push(`${answer.status}: ${await answer.text()}`);
      }
    };
    const clients = Array.from({ length: CLIENTS }, client);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    servers[0]?.kill("SIGTERM");
    if (servers[0]) await exited(servers[0]);
    await Promise.all(clients);
    expect(servers[0]?.exitCode, servers[0]?.recentOutput()).toBe(0);
    expect(unexpected).toEqual([]);
    expect(refused).toHaveLength(CLIENTS);
    expect(acknowledged.length).toBeGreaterThan(CLIENTS);
    const check = postgres(database?.url ?? "", { max: 1, onnotice: () => undefined });
    try {
      const [row] = await check<{ n: number; activated: number }[]>`
        select (select count(*)::int from reports where idempotency_key = any(${acknowledged}::uuid[])) as n,
          (select eid_l2_activated from commune_counters where commune_code = '00082') as activated`;
      expect(row?.n).toBe(acknowledged.length);
      expect(row?.activated).toBe(acknowledged.length);
      // The screen on the process that stayed ends showing every acknowledged report.
      await expect.poll(() => shown, { timeout: 10_000 }).toBe(acknowledged.length);
    } finally {
      await check.end();
    }
  });
});
