import { fieldErrorsOfCause, type Principal } from "@pulse/api";
import type { DatabaseHandle } from "@pulse/db/client";
import { alertNotices, alerts } from "@pulse/db/tables";
import { countsReport, seededDatabase, testEnv } from "@pulse/db/testing";
import { hcmMinuteOfDay, timeOfDay } from "@pulse/indicators";
import { and, eq, isNull } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, contextFor, systemCaller } from "../services";
import { setTestAlertRules } from "../testing/alert-rules";
import { startSmtpSink, type SmtpSink } from "../testing/smtp-sink";
import { startTestApp, TEST_WEB_ORIGIN, type TestApp } from "../testing/test-app";
import { readUntil } from "../testing/waits";
import { ALERTS_LISTED } from "./alert-email";

const MINUTE = 60_000;
const later = (minutes: number) => new Date(Date.now() + minutes * MINUTE);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const toOf = (mail: ParsedMail | undefined) => (mail?.to && "text" in mail.to ? mail.to.text : "");

/** Alerts by email: at once, or one digest a day at the user's time; each alert told once, whatever the checks. */
describe(`alert emails, on ${testEnv.PULSE_TEST_DB}`, () => {
  let handle: DatabaseHandle;
  let server: TestApp;
  let smtp: SmtpSink;
  const users = {} as Record<"hanoi" | "hcm" | "laichau", { principal: Principal; userId: string }>;
  /** when the first check runs (an hour ahead: every commune without a report for 60 minutes is silent) */
  const firstCheckAt = later(61);

  const caller = (who: keyof typeof users) => callerFor(contextFor(server.app.services, users[who].principal, null));
  const check = (at: Date) => server.app.alertChecks?.checkNow(at);
  const mailsTo = (email: string) => smtp.messages.filter((m) => toOf(m) === email);
  const emailNotices = (userId: string) =>
    handle.db
      .select({ notice: alertNotices, alert: alerts })
      .from(alertNotices)
      .innerJoin(alerts, eq(alerts.id, alertNotices.alertId))
      .where(and(eq(alertNotices.userId, userId), eq(alertNotices.channel, "email")));

  beforeAll(async () => {
    handle = await seededDatabase();
    smtp = await startSmtpSink();
    server = await startTestApp(
      handle,
      {},
      undefined,
      undefined,
      {
        mail: { smtpUrl: smtp.url, outboxDir: "/nonexistent", from: "Commune Pulse <pulse@test>" },
        planEveryMs: 200,
        retryLimit: 1,
        retryDelaySeconds: 1,
        leaseSeconds: 30,
      },
      3_600_000,
    );
    for (const [who, code] of [
      ["hanoi", "01"],
      ["hcm", "79"],
      ["laichau", "12"],
    ] as const) {
      const email = `${who}@alerts.test`;
      const scope = { kind: "province", code } as const;
      const { userId } = await server.signedIn({ email, role: "province", scope });
      users[who] = {
        userId,
        principal: { kind: "user", userId, sessionId: "t", email, name: who, role: "province", scope },
      };
    }
    await setTestAlertRules(handle.db, users.hanoi.userId);
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
    await handle.close();
  });

  it("each user chooses: off by default, at once, or a digest at a time; a wrong choice is refused by its field", async () => {
    expect(await caller("hanoi").alerts.emailSettings()).toMatchObject({
      mode: "off",
      email: "hanoi@alerts.test",
      sent: 0,
    });
    await caller("hanoi").alerts.setEmailSettings({ mode: "immediate", time: "07:00", lang: "vi" });
    // the digest at two hours after the first check (Viet Nam time), in English
    const digestTime = timeOfDay(hcmMinuteOfDay(new Date(firstCheckAt.getTime() + 120 * MINUTE)));
    await caller("hcm").alerts.setEmailSettings({ mode: "digest", time: digestTime, lang: "en" });
    expect(await caller("hcm").alerts.emailSettings()).toMatchObject({ mode: "digest", time: digestTime, lang: "en" });

    const refused = await caller("laichau")
      .alerts.setEmailSettings({ mode: "weekly" as "digest", time: "25:00", lang: "vi" })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "BAD_REQUEST" });
    const fieldErrors = fieldErrorsOfCause((refused as { cause?: unknown }).cause) ?? [];
    expect(fieldErrors.map((f) => f.field).sort()).toEqual(["mode", "time"]);
    expect(fieldErrors.every((f) => f.vi.length > 0 && f.en.length > 0)).toBe(true);
    expect((await caller("laichau").alerts.emailSettings()).mode).toBe("off");
  });

  it("at once: one message per check with every alert of the user's scope, never twice; a report that ends one is told too", async () => {
    await check(firstCheckAt);
    const [first] = await smtp.waitFor(1);
    expect(toOf(first)).toBe("hanoi@alerts.test");
    const told = await emailNotices(users.hanoi.userId);
    const raised = told.filter((n) => n.notice.event === "raised");
    expect(raised.length).toBeGreaterThan(ALERTS_LISTED);
    expect(raised.every((n) => n.alert.provinceCode === "01" && n.notice.sentAt !== null)).toBe(true);
    expect(first?.subject).toBe(`[Commune Pulse] Cảnh báo: ${raised.length} mới, 0 đã hết`);
    const text = first?.text ?? "";
    expect(text).toContain(`Cảnh báo mới (${raised.length}):`);
    expect(text.split("\n").filter((l) => l.startsWith("- "))).toHaveLength(ALERTS_LISTED);
    expect(text).toContain(`… và ${raised.length - ALERTS_LISTED} mục khác`);
    expect(text).toMatch(/- (Phường|Xã) .+: (không có báo cáo từ|chưa có báo cáo nào)/);
    expect(text).toContain(`Xem trên Commune Pulse: ${TEST_WEB_ORIGIN}/province/01`);
    expect(text).toContain(`${TEST_WEB_ORIGIN}/subscriptions`);
    expect(first?.html).toContain("Cảnh báo mới");

    // checked again and again: nothing new, nothing sent; the user who chose nothing gets nothing
    await check(later(62));
    await check(later(63));
    await pause(1_500);
    expect(mailsTo("hanoi@alerts.test")).toHaveLength(1);
    expect(mailsTo("laichau@alerts.test")).toHaveLength(0);
    expect(await emailNotices(users.laichau.userId)).toEqual([]);

    // Cửa Nam reports: its alert ends, and that is told in the next message
    await systemCaller(server.app.services).reports.submit(countsReport({ communeCode: "00082" }));
    await check(new Date());
    await smtp.waitFor(2);
    const [, second] = mailsTo("hanoi@alerts.test");
    expect(second?.subject).toBe("[Commune Pulse] Cảnh báo: 0 mới, 1 đã hết");
    expect(second?.text).toContain("Đã hết (1):\n- Đã có báo cáo lại: Phường Cửa Nam");
    // marked sent once the mail server accepted it: read until then
    const settings = await readUntil(
      () => caller("hanoi").alerts.emailSettings(),
      (now) => now.waiting === 0,
    );
    expect(settings).toMatchObject({ sent: raised.length + 1, waiting: 0 });
  });

  it("a digest: nothing before its time, then one message in its language with what was raised since the last", async () => {
    const atHcm = (await emailNotices(users.hcm.userId)).filter((n) => n.notice.event === "raised");
    expect(atHcm.length).toBeGreaterThan(0);
    expect(mailsTo("hcm@alerts.test")).toHaveLength(0);
    await server.app.services.deliveries?.planNow(new Date(firstCheckAt.getTime() + 60 * MINUTE));
    await pause(1_500);
    expect(mailsTo("hcm@alerts.test")).toHaveLength(0);

    const digestAt = new Date(firstCheckAt.getTime() + 180 * MINUTE);
    await server.app.services.deliveries?.planNow(digestAt);
    await server.app.services.deliveries?.planNow(digestAt);
    await readUntil(
      async () => mailsTo("hcm@alerts.test").length,
      (n) => n > 0,
    );
    await pause(1_000);
    const [digest, ...more] = mailsTo("hcm@alerts.test");
    expect(more).toEqual([]);
    expect(digest?.subject).toMatch(
      new RegExp(`^\\[Commune Pulse\\] Alert digest, \\d\\d/\\d\\d/\\d{4}: ${atHcm.length} new, 0 resolved$`),
    );
    expect(digest?.text).toContain(`New alerts (${atHcm.length}):`);
    expect(digest?.text).toContain("once a day, at");
    expect(await emailNotices(users.hcm.userId)).toSatisfy((rows: { notice: { sentAt: Date | null } }[]) =>
      rows.every((r) => r.notice.sentAt !== null),
    );
  });

  it("a mail server that keeps refusing: tried again after a delay, then shown as failed with its answer", async () => {
    smtp.refuseWith = "451 4.3.0 mailbox busy";
    const refusedBefore = smtp.refused;
    // Cửa Nam is silent again two hours on: a new alert for Hà Nội
    await check(later(130));
    const deadline = Date.now() + 20_000;
    let settings = await caller("hanoi").alerts.emailSettings();
    while (settings.failed === 0 && Date.now() < deadline) {
      await pause(200);
      settings = await caller("hanoi").alerts.emailSettings();
    }
    expect(settings.failed).toBe(1);
    expect(smtp.refused - refusedBefore).toBe(2);
    const [failed] = await handle.db
      .select()
      .from(alertNotices)
      .where(
        and(
          eq(alertNotices.userId, users.hanoi.userId),
          eq(alertNotices.channel, "email"),
          isNull(alertNotices.sentAt),
        ),
      );
    expect(failed?.sendError).toContain("mailbox busy");
    smtp.refuseWith = null;
  });
});
