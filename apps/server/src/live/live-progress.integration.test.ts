import type { LiveProgress } from "@pulse/api";
import type { DatabaseHandle } from "@pulse/db/client";
import { countsReport, seededDatabase, testEnv } from "@pulse/db/testing";
import {
  applyDelta,
  applyUnitDeltas,
  ACTIVITY_ITEMS,
  type ClientToServerEvents,
  type Room,
  type ServerToClientEvents,
  type Versioned,
} from "@pulse/schema";
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
    // an administrator, so one screen can watch a commune, its province and the nation
    ({ token } = await server.signedIn({ email: "admin@live.test", role: "admin", scope: { kind: "nation" } }));
    socket = io(server.url, { transports: ["websocket"], auth: { token } });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    socket.on("progress:changed", (event) => pushes.push(event as LiveProgress));
    for (const room of ["province:01", "commune:00082", "nation"] as Room[]) {
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

  type Unit = Versioned & { code: string; eidL2Activated: number };
  type View = { total: (Versioned & { eidL2Activated: number }) | null; units: Unit[] };
  const views = {
    "commune:00082": async (): Promise<View> => ({
      total: null,
      units: await snapshot<Unit[]>("progress.communes", { codes: ["00082"] }),
    }),
    "province:01": async (): Promise<View> => {
      const { total, communes } = await snapshot<{ total: View["total"]; communes: Unit[] }>("progress.province", {
        code: "01",
      });
      return { total, units: communes };
    },
    nation: async (): Promise<View> => {
      const { total, provinces } = await snapshot<{ total: View["total"]; provinces: Unit[] }>("progress.nation", {});
      return { total, units: provinces };
    },
  } as const;
  /** What a screen shows: the snapshot it loaded with every push of its room applied, as the web client does. */
  const fold = (loaded: View, room: Room) =>
    pushes
      .filter((p) => p.room === room && p.version > (loaded.total?.version ?? loaded.units[0]?.version ?? 0))
      .reduce<View>((view, push) => {
        const units = applyUnitDeltas(view.units, push.units);
        const total = view.total && push.total ? applyDelta(view.total, push.total) : view.total;
        expect(units.behind || total === "behind").toBe(false);
        return { units: units.units, total: total === "behind" ? view.total : total };
      }, loaded);

  it("pushes what changed, at most 4 a second per room; applied to the snapshot a screen loaded, it equals a fresh snapshot", async () => {
    const loaded = Object.fromEntries(
      await Promise.all(Object.entries(views).map(async ([room, read]) => [room, await read()] as const)),
    ) as Record<keyof typeof views, View>;
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

    for (const room of Object.keys(views) as (keyof typeof views)[]) {
      const versions = pushes.filter((p) => p.room === room).map((p) => p.version);
      expect(versions.length).toBeGreaterThan(1);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
      expect(new Set(versions).size).toBe(versions.length);
      expect(versions.length).toBeLessThanOrEqual(Math.ceil(seconds * 4) + 1);
      const fresh = await views[room]();
      expect(fold(loaded[room], room)).toEqual(fresh);
    }
    // After the first push of a unit, a push carries only what changed: a report of activations
    // does not resend the commune's names or its other counters.
    const later = pushes.filter((p) => p.room === "commune:00082").at(-1)?.units[0];
    expect(later).toMatchObject({ code: "00082", base: expect.any(Number) });
    expect(later).not.toHaveProperty("fullName");
    expect(later).not.toHaveProperty("householdsVisited");
    // Recent activity: the newest reports behind each push (as many as a ticker shows), newest
    // first, saying where and what (counts only); the last one reached the commune's ticker.
    const communePushes = pushes.filter((p) => p.room === "commune:00082");
    for (const push of pushes) {
      const ids = push.activity.map((a) => a.id);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect(ids.length).toBeLessThanOrEqual(ACTIVITY_ITEMS);
    }
    const activity = communePushes.flatMap((p) => p.activity);
    expect(activity.map((a) => a.id)).toContain(reportsOf00082.at(-1));
    expect(new Set(activity.map((a) => a.id)).size).toBe(activity.length);
    expect(activity[0]).toMatchObject({ communeCode: "00082", communeName: "Phường Cửa Nam" });
    expect(Object.keys(activity[0]?.counters ?? {})).toEqual(["eidL2Activated"]);
  });
});
