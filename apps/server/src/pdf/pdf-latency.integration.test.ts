import type { DatabaseHandle } from "@pulse/db/client";
import { countsReport, seededDatabase, testEnv } from "@pulse/db/testing";
import type { ClientToServerEvents, ServerToClientEvents } from "@pulse/schema";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../testing/test-app";

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
const ROOM = "commune:00082";
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

describe(`live pushes while a large PDF renders, on ${testEnv.PULSE_TEST_DB}`, () => {
  let handle: DatabaseHandle;
  let server: TestApp;
  let token = "";
  let socket: LiveSocket;
  let nextPush: (() => void) | null = null;

  beforeAll(async () => {
    handle = await seededDatabase();
    server = await startTestApp(handle);
    ({ token } = await server.signedIn({ email: "admin@latency.test", role: "admin", scope: { kind: "nation" } }));
    socket = io(server.url, { transports: ["websocket"], auth: { token } });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    socket.on("progress:changed", (event) => {
      if (event.room === ROOM) nextPush?.();
    });
    await new Promise<void>((resolve) => socket.emit("room:join", ROOM, () => resolve()));
  });
  afterAll(async () => {
    socket?.close();
    await server.close();
    await handle.close();
  });

  /** From sending a report to the room's push that carries it, in ms. */
  async function pushLatency(): Promise<number> {
    const started = performance.now();
    const pushed = new Promise<void>((resolve) => (nextPush = resolve));
    const response = await fetch(`${server.url}/api/v1/reports`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(countsReport({ communeCode: "00082", counters: { eidL2Activated: 1 } })),
    });
    expect(response.status).toBe(200);
    await pushed;
    return performance.now() - started;
  }

  it("keeps pushing reports at the same pace while the nation's annex (66 pages) renders", async () => {
    // warm: the render thread has its fonts and code loaded, as on a running server
    await fetch(`${server.url}/api/v1/export.pdf?scope=commune:00082`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const before: number[] = [];
    for (let i = 0; i < 8; i++) before.push(await pushLatency());

    let rendering = true;
    const pdf = fetch(`${server.url}/api/v1/export.pdf?scope=nation&annex=communes`, {
      headers: { authorization: `Bearer ${token}` },
    }).then(async (response) => {
      expect(response.status).toBe(200);
      await response.arrayBuffer();
      rendering = false;
    });
    const during: number[] = [];
    while (rendering) during.push(await pushLatency());
    await pdf;

    // Rendered on the event loop, the annex would hold every push for its whole 5–7 s.
    expect(during.length).toBeGreaterThanOrEqual(8);
    expect(Math.max(...during)).toBeLessThan(1_500);
    expect(median(during)).toBeLessThan(median(before) + 400);
    console.info(
      `push latency median before ${median(before).toFixed(0)} ms, during the render ${median(during).toFixed(0)} ms (${during.length} pushes)`,
    );
  });
});
