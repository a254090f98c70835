import { randomUUID } from "node:crypto";
import { fieldErrorsOfCause, hashKioskSecret, type Principal } from "@pulse/api";
import type { DatabaseHandle } from "@pulse/db/client";
import { createKioskToken } from "@pulse/db/queries";
import { alertNotices, alerts } from "@pulse/db/tables";
import { countsReport, seededDatabase, testEnv } from "@pulse/db/testing";
import { hcmMinuteOfDay } from "@pulse/indicators";
import { KIOSK_TOKEN_PREFIX, type ClientToServerEvents, type ServerToClientEvents } from "@pulse/schema";
import { eq } from "drizzle-orm";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, contextFor, systemCaller } from "../services";
import { setTestAlertRules } from "../testing/alert-rules";
import { startTestApp, type TestApp } from "../testing/test-app";

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
const MINUTE = 60_000;
const later = (minutes: number) => new Date(Date.now() + minutes * MINUTE);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Alerts raised once when their condition starts, resolved once when it ends, told to the right people live. */
describe(`alerts: a commune gone silent, a screen gone dark, on ${testEnv.PULSE_TEST_DB}`, () => {
  let handle: DatabaseHandle;
  let server: TestApp;
  const users: Record<"hanoi" | "hcm", { token: string; principal: Principal; pushes: number }> = {} as never;
  const sockets: LiveSocket[] = [];

  const connect = (auth: string) =>
    new Promise<LiveSocket>((resolve, reject) => {
      const socket: LiveSocket = io(server.url, {
        transports: ["websocket"],
        auth: { token: auth },
        forceNew: true,
        reconnection: false,
      });
      sockets.push(socket);
      socket.once("connect", () => resolve(socket));
      socket.once("connect_error", reject);
    });
  const mine = (who: keyof typeof users) =>
    callerFor(contextFor(server.app.services, users[who].principal, null)).alerts.mine();
  const check = (at: Date) => server.app.alertChecks?.checkNow(at);
  const hanoiUserId = () => (users.hanoi.principal.kind === "user" ? users.hanoi.principal.userId : "");
  /** a wall screen of Cửa Nam with its own token, made by `owner` */
  const newScreen = async (name: string, owner: string) => {
    const id = randomUUID();
    const secret = `${KIOSK_TOKEN_PREFIX}${randomUUID()}`;
    const scope = { kind: "commune", code: "00082" } as const;
    await createKioskToken(handle.db, { id, tokenHash: hashKioskSecret(secret), name, scope, createdBy: owner });
    return { id, secret };
  };
  const alertsOf = (subject: string) => handle.db.select().from(alerts).where(eq(alerts.subject, subject));

  beforeAll(async () => {
    handle = await seededDatabase();
    // checked on demand only (an hour between the process's own checks)
    server = await startTestApp(handle, {}, undefined, undefined, undefined, 3_600_000);
    for (const [who, code] of [
      ["hanoi", "01"],
      ["hcm", "79"],
    ] as const) {
      const email = `${who}@alerts.test`;
      const scope = { kind: "province", code } as const;
      const { token, userId } = await server.signedIn({ email, role: "province", scope });
      users[who] = {
        token,
        principal: { kind: "user", userId, sessionId: "t", email, name: who, role: "province", scope },
        pushes: 0,
      };
      const socket = await connect(token);
      socket.on("alerts:changed", () => (users[who].pushes += 1));
    }
    await setTestAlertRules(handle.db, hanoiUserId());
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await server.close();
    await handle.close();
  });

  it("a commune silent past the threshold: one alert, told live to its province and not to another; a report resolves it", async () => {
    await systemCaller(server.app.services).reports.submit(countsReport({ communeCode: "00082" }));
    await check(later(30));
    expect(await alertsOf("commune:00082")).toEqual([]);

    const pushesBefore = users.hanoi.pushes;
    await check(later(61));
    await pause(300);
    expect(users.hanoi.pushes).toBeGreaterThan(pushesBefore);
    // checked again and again: no new alert, no new push
    const pushesAfter = users.hanoi.pushes;
    await check(later(61));
    await check(later(62));
    await pause(300);
    expect(users.hanoi.pushes).toBe(pushesAfter);
    const [alert, ...more] = await alertsOf("commune:00082");
    expect(more).toEqual([]);
    expect(alert).toMatchObject({ kind: "silent", resolvedAt: null, provinceCode: "01" });
    const hanoi = await mine("hanoi");
    expect(hanoi.notices.filter((n) => n.alert.subject === "commune:00082")).toMatchObject([
      { event: "raised", read: false },
    ]);
    expect(hanoi.unread).toBeGreaterThan(0);
    const hcm = await mine("hcm");
    expect(hcm.notices.some((n) => n.alert.subject === "commune:00082")).toBe(false);

    // a report arrives: at the next check the alert is resolved, once
    await systemCaller(server.app.services).reports.submit(countsReport({ communeCode: "00082" }));
    await check(new Date());
    await check(later(1));
    const [resolved] = await alertsOf("commune:00082");
    expect(resolved?.resolvedAt).not.toBeNull();
    const told = await handle.db
      .select()
      .from(alertNotices)
      .where(eq(alertNotices.alertId, resolved?.id ?? 0));
    expect(
      told
        .filter((n) => n.userId === hanoiUserId())
        .map((n) => n.event)
        .sort(),
    ).toEqual(["raised", "resolved"]);

    await callerFor(contextFor(server.app.services, users.hanoi.principal, null)).alerts.markRead();
    expect((await mine("hanoi")).unread).toBe(0);
  });

  it("a commune whose pace is behind: one alert each, exactly the communes the province page shows behind", async () => {
    const hanoiPage = await callerFor(contextFor(server.app.services, users.hanoi.principal, null)).progress.province({
      code: "01",
    });
    const behindOnPage = hanoiPage.communes
      .filter((c) => c.indicators.pace?.status === "behind")
      .map((c) => `commune:${c.code}`);
    expect(behindOnPage.length).toBeGreaterThan(0);
    await setTestAlertRules(handle.db, hanoiUserId(), { silentMinutes: 60 * 24 * 365, paceBehind: true });
    await check(new Date());
    await check(new Date());
    const open = await handle.db.select().from(alerts).where(eq(alerts.kind, "behind"));
    const inHanoi = open.filter((a) => a.provinceCode === "01" && a.resolvedAt === null).map((a) => a.subject);
    expect(inHanoi.sort()).toEqual(behindOnPage.sort());
    expect(new Set(inHanoi).size).toBe(inHanoi.length);
  });

  it("a screen whose socket is cut: dark after 15 minutes inside its on-hours, resolved when it is back", async () => {
    const owner = hanoiUserId();
    const { id, secret } = await newScreen("TV UBND phường Cửa Nam", owner);
    const screen = await connect(secret);
    await pause(1_500);
    screen.close();
    await pause(1_500); // the screens' recorder writes "gone" within a second
    await check(later(10));
    expect(await alertsOf(`kiosk:${id}`)).toEqual([]);
    await check(later(16));
    expect(await alertsOf(`kiosk:${id}`)).toMatchObject([{ kind: "screenDark", resolvedAt: null }]);
    const [dark] = await alertsOf(`kiosk:${id}`);
    expect(dark?.details).toMatchObject({ name: "TV UBND phường Cửa Nam" });
    const told = await handle.db
      .select()
      .from(alertNotices)
      .where(eq(alertNotices.alertId, dark?.id ?? 0));
    expect(told.map((n) => n.userId)).toContain(owner);
    const hcmUserId = users.hcm.principal.kind === "user" ? users.hcm.principal.userId : "";
    expect(told.map((n) => n.userId)).not.toContain(hcmUserId);

    await connect(secret);
    await pause(1_500);
    // checked at the real time (a screen is connected while it was heard from in the last 75 s)
    await check(new Date());
    const [back] = await alertsOf(`kiosk:${id}`);
    expect(back?.resolvedAt).not.toBeNull();
  });

  it("a screen with its own on-hours: not dark outside them even inside its campaign's; back to the campaign's when cleared", async () => {
    const owner = hanoiUserId();
    const { id, secret } = await newScreen("TV nhà văn hóa thôn", owner);
    const hanoi = callerFor(contextFor(server.app.services, users.hanoi.principal, null));
    const checkAt = later(20);
    // an hour's window that does not hold the check's minute (the campaign's on-hours hold every minute)
    const minute = hcmMinuteOfDay(checkAt);
    const start = (minute + 120) % 1380;
    await hanoi.kiosk.setOnHours({ id, onHours: { start, end: start + 60 } });
    const listed = (await hanoi.kiosk.list()).find((t) => t.id === id);
    expect(listed?.onHours).toEqual({ start, end: start + 60 });
    // another province's user may not touch it; hours the wrong way round are refused by field
    const hcm = callerFor(contextFor(server.app.services, users.hcm.principal, null));
    await expect(hcm.kiosk.setOnHours({ id, onHours: null })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const backwards = await hanoi.kiosk.setOnHours({ id, onHours: { start: 600, end: 540 } }).catch((e: unknown) => e);
    expect(fieldErrorsOfCause((backwards as { cause?: unknown }).cause)?.map((f) => f.field)).toEqual(["onHours.end"]);

    const screen = await connect(secret);
    await pause(1_500);
    screen.close();
    await pause(1_500);
    await check(checkAt);
    expect(await alertsOf(`kiosk:${id}`)).toEqual([]);

    await hanoi.kiosk.setOnHours({ id, onHours: null });
    await check(checkAt);
    expect(await alertsOf(`kiosk:${id}`)).toMatchObject([{ kind: "screenDark", resolvedAt: null }]);
  });
});
