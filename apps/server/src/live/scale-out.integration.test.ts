import { countsReport, testEnv } from "@pulse/db/testing";
import type { ClientToServerEvents, ProgressChanged, ServerToClientEvents } from "@pulse/schema";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInForToken } from "../auth/sign-in-client";
import { exited, freePort, startServerProcess, type RunningProcess } from "../testing/child-process";
import { outageProxy } from "../testing/outage-proxy";
import { postgresDatabaseWithAccount } from "../testing/postgres-database";

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type ProvinceTotal = { version: number; eidL2Activated: number };

/**
 * Two server processes on one Postgres database, sharing rooms through Redis, as a deployment
 * with REDIS_URL runs them. (Postgres whatever the suite's engine: the embedded database serves
 * one process.)
 */
describe("the live hub across two server processes with Redis", () => {
  let database: Awaited<ReturnType<typeof postgresDatabaseWithAccount>> | undefined;
  const servers: RunningProcess[] = [];
  // Redis behind a hop the test can cut.
  let redis: ReturnType<typeof outageProxy>;
  const sockets: LiveSocket[] = [];
  const ports: number[] = [];
  let token = "";
  const account = { email: "hanoi@scale.test", role: "province", scope: { kind: "province", code: "01" } } as const;

  beforeAll(async () => {
    database = await postgresDatabaseWithAccount("pulse_scale", account);
    const redisPort = await freePort();
    redis = outageProxy(new URL(testEnv.PULSE_TEST_REDIS_URL), redisPort);
    await redis.up();
    const env = {
      DATABASE_URL: database.url,
      PULSE_DEMO: "false",
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      REDIS_PREFIX: database.name,
    };
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      ports.push(port);
      servers.push(await startServerProcess(port, env));
    }
    token = await signInForToken(`http://127.0.0.1:${ports[0]}`, account.email, database.password);
  }, 180_000);

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    for (const server of servers) server.kill("SIGTERM");
    await Promise.all(servers.map(exited));
    await redis?.down();
    await database?.drop();
  });

  const connect = async (port: number | undefined): Promise<LiveSocket> => {
    const socket: LiveSocket = io(`http://127.0.0.1:${port}`, { transports: ["websocket"], auth: { token } });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    return socket;
  };

  const joined = (socket: LiveSocket) =>
    new Promise<boolean>((resolve) => socket.emit("room:join", "commune:00082", (ack) => resolve(ack.ok)));
  const submitTo = async (port: number | undefined, communeCode = "00082") => {
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/reports`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(countsReport({ communeCode, counters: { eidL2Activated: 2 } })),
    });
    expect(response.status).toBe(200);
  };
  /** the next push the socket receives within `ms`, or null */
  const nextPush = (socket: LiveSocket, ms: number) =>
    new Promise<ProgressChanged | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), ms);
      socket.once("progress:changed", (event) => (clearTimeout(timer), resolve(event)));
    });

  it("delivers a report submitted to process A to a screen connected to process B", async () => {
    const onB = await connect(ports[1]);
    expect(await joined(onB)).toBe(true);
    const received = nextPush(onB, 5_000);
    await submitTo(ports[0]);
    expect(await received).toMatchObject({ room: "commune:00082", communeCodes: ["00082"] });
  });

  it("pushes a province's true totals whichever process took each report", async () => {
    const onA = await connect(ports[0]);
    const pushes: ProgressChanged[] = [];
    onA.on("progress:changed", (event) => pushes.push(event));
    await new Promise<void>((resolve) => onA.emit("room:join", "province:01", () => resolve()));
    for (let i = 0; i < 12; i++) {
      await submitTo(ports[i % 2], i % 3 === 0 ? "00070" : "00082");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const snapshot = await fetch(
      `http://127.0.0.1:${ports[1]}/trpc/progress.province?input=${encodeURIComponent(JSON.stringify({ json: { code: "01" } }))}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    const { total } = ((await snapshot.json()) as { result: { data: { json: { total: ProvinceTotal } } } }).result.data
      .json;
    const last = pushes.at(-1);
    expect(last?.version).toBe(total.version);
    expect(last?.total?.eidL2Activated).toBe(total.eidL2Activated);
  });

  it("keeps serving each process's own screens while Redis is down, says so loudly, and resyncs screens once it is back", async () => {
    const [onA, onB] = [await connect(ports[0]), await connect(ports[1])];
    expect(await joined(onA)).toBe(true);
    expect(await joined(onB)).toBe(true);
    await redis.down();
    try {
      await expect.poll(() => servers[0]?.recentOutput() ?? "", { timeout: 10_000 }).toMatch(/REDIS UNREACHABLE/);
      const [onOwnProcess, acrossProcesses] = [nextPush(onA, 3_000), nextPush(onB, 3_000)];
      await submitTo(ports[0]);
      expect(await onOwnProcess).toMatchObject({ room: "commune:00082" });
      expect(await acrossProcesses).toBeNull();
      expect(onB.connected).toBe(true);
    } finally {
      await redis.up();
    }
    // B's screens may have missed A's pushes: once Redis is back, B tells them to refetch.
    await new Promise<void>((resolve) => onB.once("live:resync", resolve));
    await expect.poll(() => servers[0]?.recentOutput() ?? "", { timeout: 10_000 }).toMatch(/Redis is back/);
    const received = nextPush(onB, 5_000);
    await submitTo(ports[0]);
    expect(await received).toMatchObject({ room: "commune:00082" });
  }, 60_000);

  it("beats one heartbeat per 5 s for a screen, from its own process only", async () => {
    const onB = await connect(ports[1]);
    let beats = 0;
    onB.on("live:heartbeat", () => (beats += 1));
    await new Promise((resolve) => setTimeout(resolve, 10_500));
    // Two or three beats in 10.5 s from B; twice that if A's beats were broadcast too.
    expect(beats).toBeGreaterThanOrEqual(2);
    expect(beats).toBeLessThanOrEqual(3);
  }, 20_000);
});
