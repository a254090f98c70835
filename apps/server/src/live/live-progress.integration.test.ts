import type { LiveProgress } from "@pulse/api";
import type { DatabaseHandle } from "@pulse/db/client";
import { countsReport, seededDatabase, testEnv } from "@pulse/db/testing";
import type { ClientToServerEvents, Room, ServerToClientEvents } from "@pulse/schema";
import { io, type Socket } from "socket.io-client";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../testing/test-app";

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

describe(`pushed room states, on ${testEnv.PULSE_TEST_DB}`, () => {
  let handle: DatabaseHandle;
  let server: TestApp;
  let token = "";
  let socket: LiveSocket;
  const pushes: LiveProgress[] = [];

  beforeAll(async () => {
    handle = await seededDatabase();
    server = await startTestApp(handle);
    ({ token } = await server.signedIn({
      email: "hn@live.test",
      role: "province",
      scope: { kind: "province", code: "01" },
    }));
    socket = io(server.url, { transports: ["websocket"], auth: { token } });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    socket.on("progress:changed", (event) => pushes.push(event as LiveProgress));
    for (const room of ["province:01", "commune:00082"] as Room[]) {
      await new Promise<void>((resolve) => socket.emit("room:join", room, () => resolve()));
    }
  });
  afterAll(async () => {
    socket?.close();
    await server.close();
    await handle.close();
  });

  const snapshot = async <T>(path: string, input: unknown): Promise<T> => {
    const query = encodeURIComponent(JSON.stringify(superjson.serialize(input)));
    const response = await fetch(`${server.url}/trpc/${path}?input=${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await response.json()) as { result: { data: never } };
    return superjson.deserialize<T>(body.result.data);
  };

  it("pushes each room's state in increasing versions, at most 4 a second, ending equal to a fresh snapshot", async () => {
    const started = Date.now();
    const reportsOf00082: number[] = [];
    for (let i = 0; i < 30; i++) {
      const communeCode = i % 3 === 0 ? "00070" : "00082";
      const response = await fetch(`${server.url}/api/v1/reports`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify(countsReport({ communeCode, counters: { eidL2Activated: 1 + (i % 4) } })),
      });
      expect(response.status).toBe(200);
      const { receipts } = (await response.json()) as { receipts: { reportId: number }[] };
      if (communeCode === "00082") reportsOf00082.push(...receipts.map((r) => r.reportId));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Quiet: the last coalesced push has left.
    await new Promise((resolve) => setTimeout(resolve, 800));
    const seconds = (Date.now() - started) / 1000;

    for (const room of ["province:01", "commune:00082"]) {
      const versions = pushes.filter((p) => p.room === room).map((p) => p.version);
      expect(versions.length).toBeGreaterThan(1);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
      expect(new Set(versions).size).toBe(versions.length);
      expect(versions.length).toBeLessThanOrEqual(Math.ceil(seconds * 4) + 1);
    }
    const province = await snapshot<{ total: { version: number; eidL2Activated: number } }>("progress.province", {
      code: "01",
    });
    const lastProvince = pushes.filter((p) => p.room === "province:01").at(-1);
    expect(lastProvince?.version).toBe(province.total.version);
    expect(lastProvince?.total?.eidL2Activated).toBe(province.total.eidL2Activated);
    const [commune] = await snapshot<{ version: number; eidL2Activated: number }[]>("progress.communes", {
      codes: ["00082"],
    });
    const lastCommune = pushes.filter((p) => p.room === "commune:00082").at(-1);
    expect(lastCommune?.units[0]).toMatchObject({ code: "00082", eidL2Activated: commune?.eidL2Activated });
    expect(lastCommune?.version).toBe(commune?.version);
    // The province push names the communes that changed, with their new figures.
    expect(lastProvince?.units.map((u) => u.code).sort()).toEqual(
      expect.arrayContaining(lastProvince?.communeCodes ?? []),
    );
    // Recent activity: every report reached the commune's ticker once, newest first in each push,
    // saying where and what (counts only).
    const activity = pushes.filter((p) => p.room === "commune:00082").flatMap((p) => p.activity);
    expect(activity.map((a) => a.id).sort((a, b) => a - b)).toEqual(reportsOf00082);
    for (const push of pushes) {
      const ids = push.activity.map((a) => a.id);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
    }
    expect(activity[0]).toMatchObject({ communeCode: "00082", communeName: "Phường Cửa Nam" });
    expect(Object.keys(activity[0]?.counters ?? {})).toEqual(["eidL2Activated"]);
  });
});
