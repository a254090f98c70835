import { randomUUID } from "node:crypto";
import { hashKioskSecret } from "@pulse/api";
import type { DatabaseHandle } from "@pulse/db/client";
import { createKioskToken } from "@pulse/db/queries";
import { seededDatabase, testEnv } from "@pulse/db/testing";
import { KIOSK_TOKEN_PREFIX, type ClientToServerEvents, type Scope, type ServerToClientEvents } from "@pulse/schema";
import { io, type Socket } from "socket.io-client";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../testing/test-app";

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
interface Listed {
  name: string;
  health: { connected: boolean; darkSince: Date | null };
  appVersion: string | null;
  showing: string | null;
  lastSeenAt: Date | null;
}
interface FleetRow {
  province: { code: string };
  screens: number;
  dark: number;
}

/** The screens' health as the /kiosk page reads it: connected now, or dark since when, per screen and per province. */
describe(`the health of the wall screens, on ${testEnv.PULSE_TEST_DB}`, () => {
  let handle: DatabaseHandle;
  let server: TestApp;
  let nation = "";
  let hanoi = "";
  const secrets = new Map<string, string>();
  const sockets: LiveSocket[] = [];

  const query = async <T>(path: string, token: string): Promise<T> => {
    const response = await fetch(`${server.url}/trpc/${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { result: { data: never } };
    return superjson.deserialize<T>(body.result.data);
  };
  const listed = async (token: string) => new Map((await query<Listed[]>("kiosk.list", token)).map((t) => [t.name, t]));
  const connect = (name: string) =>
    new Promise<LiveSocket>((resolve, reject) => {
      const socket: LiveSocket = io(server.url, {
        transports: ["websocket"],
        auth: { token: secrets.get(name) },
        reconnection: false,
        forceNew: true,
      });
      sockets.push(socket);
      socket.once("connect", () => resolve(socket));
      socket.once("connect_error", reject);
    });

  beforeAll(async () => {
    handle = await seededDatabase();
    server = await startTestApp(handle);
    const admin = await server.signedIn({ email: "admin@health.test", role: "admin", scope: { kind: "nation" } });
    nation = admin.token;
    hanoi = (
      await server.signedIn({ email: "hn@health.test", role: "province", scope: { kind: "province", code: "01" } })
    ).token;
    const screens: [string, Scope][] = [
      ["TV Cửa Nam", { kind: "commune", code: "00082" }],
      ["TV Hà Nội", { kind: "province", code: "01" }],
      ["TV TP.HCM", { kind: "province", code: "79" }],
    ];
    for (const [name, scope] of screens) {
      const secret = `${KIOSK_TOKEN_PREFIX}${randomUUID()}`;
      await createKioskToken(handle.db, {
        id: randomUUID(),
        tokenHash: hashKioskSecret(secret),
        name,
        scope,
        createdBy: admin.userId,
      });
      secrets.set(name, secret);
    }
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server.close();
    await handle.close();
  });

  it("shows a screen connected with the version and page it reports, then dark since it went, at once", async () => {
    expect((await listed(nation)).get("TV Cửa Nam")?.health).toEqual({ connected: false, darkSince: null });
    const screen = await connect("TV Cửa Nam");
    screen.emit("screen:report", { appVersion: "2026.12.04", showing: "/wall/commune/00082" });
    await expect
      .poll(async () => (await listed(nation)).get("TV Cửa Nam"), { timeout: 5_000 })
      .toMatchObject({
        health: { connected: true, darkSince: null },
        appVersion: "2026.12.04",
        showing: "/wall/commune/00082",
      });

    const wentAt = Date.now();
    screen.close();
    await expect
      .poll(async () => (await listed(nation)).get("TV Cửa Nam")?.health.connected, { timeout: 5_000 })
      .toBe(false);
    const since = (await listed(nation)).get("TV Cửa Nam")?.health.darkSince?.getTime() ?? 0;
    expect(Math.abs(since - wentAt)).toBeLessThan(2_000);
    // Back on: connected again.
    await connect("TV Cửa Nam");
    await expect
      .poll(async () => (await listed(nation)).get("TV Cửa Nam")?.health.connected, { timeout: 5_000 })
      .toBe(true);
  });

  it("lets a province user see its own and its communes' screens only, and counts dark screens per province", async () => {
    await connect("TV Hà Nội");
    await expect
      .poll(async () => (await listed(hanoi)).get("TV Hà Nội")?.health.connected, { timeout: 5_000 })
      .toBe(true);
    expect([...(await listed(hanoi)).keys()].sort()).toEqual(["TV Cửa Nam", "TV Hà Nội"]);
    // Hà Nội: two screens, both on; TP.HCM: one never connected, so dark.
    const fleet = await query<FleetRow[]>("kiosk.fleet", nation);
    expect(fleet.map(({ province, screens, dark }) => [province.code, screens, dark])).toEqual([
      ["01", 2, 0],
      ["79", 1, 1],
    ]);
    expect((await query<FleetRow[]>("kiosk.fleet", hanoi)).map((r) => r.province.code)).toEqual(["01"]);
  });

  it("ignores a report from a signed-in person's socket, and a malformed one from a screen", async () => {
    const person: LiveSocket = io(server.url, {
      transports: ["websocket"],
      extraHeaders: { authorization: `Bearer ${hanoi}` },
      reconnection: false,
      forceNew: true,
    });
    sockets.push(person);
    await new Promise<void>((resolve) => person.once("connect", () => resolve()));
    person.emit("screen:report", { appVersion: "forged", showing: "/elsewhere" });
    const screen = await connect("TV TP.HCM");
    screen.emit("screen:report", { appVersion: 42, showing: null } as never);
    await expect
      .poll(async () => (await listed(nation)).get("TV TP.HCM")?.health.connected, { timeout: 5_000 })
      .toBe(true);
    const all = [...(await listed(nation)).values()];
    expect(all.map((t) => t.appVersion)).not.toContain("forged");
    expect(all.find((t) => t.name === "TV TP.HCM")?.appVersion).toBeNull();
  });
});
