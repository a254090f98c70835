import { randomUUID } from "node:crypto";
import { hashKioskSecret } from "@pulse/api";
import type { DatabaseHandle } from "@pulse/db/client";
import { createKioskToken, listKioskTokens } from "@pulse/db/queries";
import { seededDatabase, testEnv } from "@pulse/db/testing";
import { KIOSK_TOKEN_PREFIX, type ClientToServerEvents, type Room, type ServerToClientEvents } from "@pulse/schema";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../testing/test-app";

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const COMMUNES = ["00082", "00070", "00004", "00008", "00091", "00097"];
const SCREENS = 60;

/**
 * A fleet of screens reconnecting at once (a restart): their kiosk tokens are looked up in
 * batches and their connections recorded together — each screen must still get its own token's
 * scope, and be refused another's.
 */
describe(`a fleet of screens connecting at once, on ${testEnv.PULSE_TEST_DB}`, () => {
  let handle: DatabaseHandle;
  let server: TestApp;
  const sockets: LiveSocket[] = [];
  const screens: { secret: string; tokenId: string; commune: string }[] = [];

  beforeAll(async () => {
    handle = await seededDatabase();
    server = await startTestApp(handle);
    const { userId } = await server.signedIn({ email: "admin@fleet.test", role: "admin", scope: { kind: "nation" } });
    for (let i = 0; i < SCREENS; i++) {
      const commune = COMMUNES[i % COMMUNES.length] ?? "00082";
      const secret = `${KIOSK_TOKEN_PREFIX}${randomUUID()}`;
      const token = await createKioskToken(handle.db, {
        id: randomUUID(),
        tokenHash: hashKioskSecret(secret),
        name: `Màn hình ${i}`,
        scope: { kind: "commune", code: commune },
        createdBy: userId,
      });
      screens.push({ secret, tokenId: token.id, commune });
    }
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server.close();
    await handle.close();
  });

  const join = (socket: LiveSocket, room: Room) =>
    new Promise<boolean>((resolve) => socket.emit("room:join", room, (ack) => resolve(ack.ok)));

  it("gives each screen its own token's room and no other, and records every one as connected", async () => {
    const started = new Date();
    const connected = await Promise.all(
      screens.map(
        ({ secret }) =>
          new Promise<LiveSocket>((resolve, reject) => {
            const socket: LiveSocket = io(server.url, {
              transports: ["websocket"],
              auth: { token: secret },
              reconnection: false,
              forceNew: true,
            });
            sockets.push(socket);
            socket.once("connect", () => resolve(socket));
            socket.once("connect_error", reject);
          }),
      ),
    );
    const answers = await Promise.all(
      connected.map(async (socket, i) => {
        const own = screens[i]?.commune ?? "";
        const other = COMMUNES.find((code) => code !== own) ?? "";
        return [await join(socket, `commune:${own}`), await join(socket, `commune:${other}`)];
      }),
    );
    expect(answers).toEqual(screens.map(() => [true, false]));

    await expect
      .poll(
        async () => {
          const seen = new Map((await listKioskTokens(handle.db)).map((t) => [t.id, t.lastSeenAt]));
          return screens.filter((s) => (seen.get(s.tokenId)?.getTime() ?? 0) >= started.getTime() - 1_000).length;
        },
        { timeout: 5_000 },
      )
      .toBe(SCREENS);
  });
});
