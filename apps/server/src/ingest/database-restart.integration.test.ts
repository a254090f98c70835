import { randomUUID } from "node:crypto";
import { countsReport } from "@pulse/db/testing";
import type { ClientToServerEvents, ProgressChanged, ServerToClientEvents } from "@pulse/schema";
import postgres from "postgres";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInForToken } from "../auth/sign-in-client";
import { exited, freePort, startServerProcess, type RunningProcess } from "../testing/child-process";
import { postgresDatabaseWithAccount } from "../testing/postgres-database";

const CLIENTS = 16;
const CUTS = 10;

/**
 * A real server process on Postgres whose database connections are all terminated, again and
 * again, while clients post (as a Postgres restart does to them). Before the driver patch
 * (patches/postgres+3.4.9.patch) the process died here with an uncaught TypeError thrown from
 * postgres-js's `nextWrite`: a transaction's ROLLBACK written to a socket already gone.
 * Postgres whatever the suite's engine: the embedded database has no connections to lose.
 */
describe("the server while its Postgres connections are cut again and again", () => {
  let database: Awaited<ReturnType<typeof postgresDatabaseWithAccount>>;
  let server: RunningProcess;
  let port = 0;
  let token = "";
  let screen: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;

  beforeAll(async () => {
    const account = { email: "admin@restart.test", role: "admin", scope: { kind: "nation" } } as const;
    database = await postgresDatabaseWithAccount("pulse_restart", account);
    port = await freePort();
    server = await startServerProcess(port, {
      DATABASE_URL: database.url,
      PULSE_DEMO: "false",
      INGEST_REQUESTS_PER_MINUTE: "1000000",
    });
    token = await signInForToken(`http://127.0.0.1:${port}`, account.email, database.password);
  }, 180_000);

  afterAll(async () => {
    screen?.close();
    server?.kill("SIGTERM");
    if (server) await exited(server);
    await database?.drop();
  });

  const reportBody = (idempotencyKey: string) =>
    JSON.stringify(countsReport({ idempotencyKey, counters: { eidL2Activated: 3 } }));
  const post = (body: string) =>
    fetch(`http://127.0.0.1:${port}/api/v1/reports`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body,
    });

  /** The server's backends in the test's database, killed as a restart kills them. */
  const cutConnections = async () => {
    const { admin, name } = database;
    const rows = await admin`select pg_terminate_backend(pid) from pg_stat_activity
      where datname = ${name} and pid <> pg_backend_pid()`;
    return rows.length;
  };

  it("stays up, answers 503 with Retry-After while they are gone, keeps every acknowledged report once, and pushes again", async () => {
    const acknowledged: string[] = [];
    const unexpected: string[] = [];
    let unavailable = 0;
    let running = true;
    // Each client resends the same report after a 503, as the field outbox does, until it is
    // acknowledged (a 503 may come after the commit, when the answer was lost: the resend then
    // gets the first receipt).
    const client = async () => {
      while (running) {
        const key = randomUUID();
        const body = reportBody(key);
        for (;;) {
          const response = await post(body).catch((error: Error) => error);
          if (response instanceof Error) {
            unexpected.push(`network: ${response.message}`);
            return;
          }
          if (response.status === 200) {
            acknowledged.push(key);
            break;
          }
          if (response.status === 503 && response.headers.get("retry-after")) {
            unavailable += 1;
            await new Promise((resolve) => setTimeout(resolve, 50));
            continue;
          }
          unexpected.push(`${response.status}: ${await response.text()}`);
          break;
        }
      }
    };
    const clients = Array.from({ length: CLIENTS }, client);
    let cut = 0;
    for (let i = 0; i < CUTS; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      cut += await cutConnections();
    }
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    running = false;
    await Promise.all(clients);

    expect(server.exitCode, server.recentOutput()).toBeNull();
    expect(server.signalCode).toBeNull();
    expect(unexpected, server.recentOutput()).toEqual([]);
    expect(cut).toBeGreaterThanOrEqual(CUTS);
    expect(acknowledged.length).toBeGreaterThan(CLIENTS);
    console.info(`${acknowledged.length} acknowledged, ${unavailable} answers 503, ${cut} connections cut`);

    const check = postgres(database.url, { max: 1, onnotice: () => undefined });
    try {
      const [ledger] = await check<{ rows: number; distinct: number }[]>`
        select count(*)::int as rows, count(distinct idempotency_key)::int as distinct from reports
        where idempotency_key = any(${acknowledged}::uuid[])`;
      expect(ledger).toEqual({ rows: acknowledged.length, distinct: acknowledged.length });
      const [all] = await check<{ rows: number; activated: number }[]>`
        select (select count(*)::int from reports) as rows,
          (select coalesce(sum(eid_l2_activated), 0)::int from commune_counters) as activated`;
      // Nothing but what was acknowledged was written, and the counters moved by exactly that.
      expect(all).toEqual({ rows: acknowledged.length, activated: 3 * acknowledged.length });
    } finally {
      await check.end();
    }

    // Screens get pushes again once the database is back.
    screen = io(`http://127.0.0.1:${port}`, { transports: ["websocket"], auth: { token } });
    const joined = await new Promise<boolean>((resolve) =>
      screen?.emit("room:join", "commune:00082", (ack) => resolve(ack.ok)),
    );
    expect(joined).toBe(true);
    const pushed = new Promise<ProgressChanged>((resolve) => screen?.once("progress:changed", resolve));
    expect((await post(reportBody(randomUUID()))).status).toBe(200);
    expect(await pushed).toMatchObject({ room: "commune:00082" });
  }, 90_000);
});
