import { randomUUID } from "node:crypto";
import { request, Agent } from "node:http";
import { queryRows } from "@pulse/db/client";
import { countsReport, seededDatabaseForProcess, testEnv } from "@pulse/db/testing";
import { sql } from "drizzle-orm";
import { io } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { signInForToken } from "../auth/sign-in-client";
import { createAccountIn } from "../testing/accounts";
import { exited, freePort, startServerProcess } from "../testing/child-process";

const SHUTDOWN_TIMEOUT_MS = 2_000;

/** Starts a POST of `body` and sends only its first half: the request is in flight until `finish`. */
function halfSentPost(port: number, token: string, body: string, agent: Agent) {
  const bytes = Buffer.from(body);
  const half = Math.floor(bytes.length / 2);
  let finish = (): void => undefined;
  const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: "/api/v1/reports",
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": bytes.length,
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    req.write(bytes.subarray(0, half));
    finish = () => void req.end(bytes.subarray(half));
  });
  return { finish: () => finish(), answer };
}

/** One GET /healthz through `agent`, read to the end (the connection then waits in the agent's pool). */
const healthz = (port: number, agent: Agent) =>
  new Promise<void>((resolve, reject) =>
    request({ host: "127.0.0.1", port, path: "/healthz", agent }, (res) => res.resume().on("end", resolve))
      .on("error", reject)
      .end(),
  );

describe(`a server stopped with SIGTERM while it holds clients, on ${testEnv.PULSE_TEST_DB}`, () => {
  it("finishes the report in flight (acknowledged and kept), drops keep-alive clients and screens, and exits within its timeout", async () => {
    const database = await seededDatabaseForProcess();
    const account = { email: "admin@stop.test", role: "admin", scope: { kind: "nation" } } as const;
    const password = await createAccountIn(database.open, account);
    const port = await freePort();
    const server = await startServerProcess(port, {
      ...database.env,
      PULSE_DEMO: "false",
      SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
      LOG_LEVEL: "info",
    });
    try {
      const token = await signInForToken(`http://127.0.0.1:${port}`, account.email, password);
      // Idle keep-alive connections (a browser's, a proxy's) and a screen on the live hub.
      const agent = new Agent({ keepAlive: true, maxSockets: 8 });
      // (Node's agent keeps them open for as long as the server does: 65 s.)
      await Promise.all(Array.from({ length: 6 }, () => healthz(port, agent)));
      expect(Object.values(agent.freeSockets).flat().length).toBeGreaterThan(0);
      const screen = io(`http://127.0.0.1:${port}`, {
        transports: ["websocket"],
        extraHeaders: { authorization: `Bearer ${token}` },
        reconnection: false,
      });
      await new Promise<void>((resolve) => screen.once("connect", () => resolve()));
      const disconnected = new Promise<string>((resolve) => screen.once("disconnect", resolve));

      const report = countsReport({ idempotencyKey: randomUUID(), counters: { householdsVisited: 4 } });
      const inFlight = halfSentPost(port, token, JSON.stringify(report), agent);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const signalledAt = Date.now();
      server.kill("SIGTERM");
      await new Promise((resolve) => setTimeout(resolve, 300));
      inFlight.finish();
      const answer = await inFlight.answer;
      await exited(server);
      const stopMs = Date.now() - signalledAt;

      expect(answer.status, answer.text).toBe(200);
      expect(await disconnected).toBeTruthy();
      expect(server.exitCode, server.recentOutput()).toBe(0);
      expect(stopMs).toBeLessThan(SHUTDOWN_TIMEOUT_MS + 2_000);
      expect(server.recentOutput()).toMatch(/"msg":"stopped"/);
      const handle = await database.open();
      try {
        const rows = await queryRows<{ n: number }>(
          handle.db,
          sql`select count(*)::int as n from reports where idempotency_key = ${report.idempotencyKey}::uuid`,
        );
        expect(rows[0]?.n).toBe(1);
      } finally {
        await handle.close();
      }
      agent.destroy();
      screen.close();
    } finally {
      if (server.exitCode === null) server.kill("SIGKILL");
      await database.drop();
    }
  });
});
