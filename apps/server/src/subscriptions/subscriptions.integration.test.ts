import type { DatabaseHandle } from "@pulse/db/client";
import { formatCount, formatRate } from "@pulse/indicators";
import { seededDatabase, testEnv } from "@pulse/db/testing";
import type { Principal } from "@pulse/api";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, contextFor } from "../services";
import { pdfPages } from "../testing/pdf-tools";
import { startSmtpSink, type SmtpSink } from "../testing/smtp-sink";
import { startTestApp, TEST_WEB_ORIGIN, type TestApp } from "../testing/test-app";
import { dueNowTime, readUntil } from "../testing/waits";

const linkIn = (mail: ParsedMail, path: string) => {
  const found = mail.text?.match(new RegExp(`${TEST_WEB_ORIGIN}${path}\\?\\S+`))?.[0];
  if (!found) throw new Error(`no ${path} link in: ${mail.text}`);
  return found;
};

describe(`scheduled reports by email, on ${testEnv.PULSE_TEST_DB}`, () => {
  let handle: DatabaseHandle;
  let server: TestApp;
  let smtp: SmtpSink;
  let province: Principal;
  /** the link as the web app's origin gives it, opened on the test server */
  const open = (link: string, init?: RequestInit) => fetch(link.replace(TEST_WEB_ORIGIN, server.url), init);
  const caller = () => callerFor(contextFor(server.app.services, province, null));

  beforeAll(async () => {
    handle = await seededDatabase();
    smtp = await startSmtpSink();
    server = await startTestApp(handle, {}, undefined, undefined, {
      mail: { smtpUrl: smtp.url, outboxDir: "/nonexistent", from: "Commune Pulse <pulse@test>" },
      planEveryMs: 200,
      retryLimit: 1,
      retryDelaySeconds: 1,
      leaseSeconds: 30,
    });
    const account = {
      email: "tinh@hanoi.test",
      name: "Văn phòng UBND Hà Nội",
      role: "province",
      scope: { kind: "province", code: "01" },
    } as const;
    const { userId } = await server.signedIn(account);
    province = {
      kind: "user",
      userId,
      sessionId: "test",
      email: account.email,
      name: account.name,
      role: "province",
      scope: account.scope,
    };
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
    await handle.close();
  });

  it("a province user subscribes a leader: a confirmation first, then the daily report with its PDF, once; then unsubscribed", async () => {
    const created = await caller().subscriptions.create({
      scope: { kind: "province", code: "01" },
      cadence: "daily",
      time: await dueNowTime(),
      lang: "vi",
      addresses: ["Lanh.Dao@xa.test"],
    });
    const [confirmation] = await smtp.waitFor(1);
    if (!confirmation) throw new Error("no confirmation");
    expect(confirmation.to && "text" in confirmation.to ? confirmation.to.text : "").toBe("lanh.dao@xa.test");
    expect(confirmation.subject).toBe("[Commune Pulse] Xác nhận nhận báo cáo: Thành phố Hà Nội");
    expect(confirmation.text).toContain("Văn phòng UBND Hà Nội muốn gửi báo cáo hằng ngày về Thành phố Hà Nội");
    // nothing but the confirmation until the address confirms
    await caller().subscriptions.list();
    expect(smtp.messages).toHaveLength(1);

    const confirmed = await open(linkIn(confirmation, "/api/v1/subscriptions/confirm"));
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain("Đã xác nhận: địa chỉ lanh.dao@xa.test sẽ nhận báo cáo Thành phố Hà Nội.");

    const [, report] = await smtp.waitFor(2);
    if (!report) throw new Error("no report");
    const figures = await caller().progress.province({ code: "01" });
    expect(report.subject).toMatch(/^\[Commune Pulse\] Báo cáo hằng ngày: Thành phố Hà Nội, ngày \d\d\/\d\d\/\d{4}$/);
    expect(report.text).toContain(
      `Tỷ lệ kích hoạt: ${formatRate(figures.total.indicators.activationRate, "vi")} (${formatCount(figures.total.eidL2Activated, "vi")} trên ${formatCount(figures.total.eligible, "vi")} người đủ điều kiện)`,
    );
    expect(report.text).toContain(`Kích hoạt 7 ngày qua: ${formatCount(figures.total.activatedLast7Days, "vi")}`);
    expect(report.text).toContain("Các đơn vị chậm nhất:");
    expect(report.text).toContain(`${TEST_WEB_ORIGIN}/province/01`);
    const [pdf] = report.attachments;
    expect(pdf?.contentType).toBe("application/pdf");
    expect(pdf?.filename).toMatch(/^commune-pulse-province-01-\d{4}-\d\d-\d\d-vi\.pdf$/);
    expect((await pdfPages(new Uint8Array(pdf?.content ?? []))).join("\n")).toContain("THÀNH PHỐ HÀ NỘI");
    // List-Unsubscribe and List-Unsubscribe-Post (RFC 8058), as mailparser reads them
    const list = report.headers.get("list") as {
      unsubscribe?: { id?: string };
      "unsubscribe-post"?: { name?: string };
    };
    expect(list["unsubscribe-post"]?.name).toBe("List-Unsubscribe=One-Click");
    expect(list.unsubscribe?.id).toBe(linkIn(report, "/api/v1/subscriptions/unsubscribe"));

    // planned again and again (every 200 ms, and now): still one report for this slot
    await server.app.services.deliveries?.planNow();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(smtp.messages).toHaveLength(2);
    const [listed] = await caller().subscriptions.list();
    expect(listed?.id).toBe(created.id);
    expect(listed?.recipients).toMatchObject([{ email: "lanh.dao@xa.test", status: "confirmed" }]);
    expect(listed?.deliveries).toMatchObject([{ email: "lanh.dao@xa.test", status: "sent", attempts: 1 }]);

    const unsubscribe = linkIn(report, "/api/v1/subscriptions/unsubscribe");
    const page = await open(unsubscribe);
    expect(await page.text()).toContain("Đã hủy: địa chỉ lanh.dao@xa.test sẽ không nhận báo cáo Thành phố Hà Nội nữa.");
    // a mail client's own button (RFC 8058), later: the same answer, nothing else changes
    const oneClick = await open(unsubscribe, { method: "POST", body: "List-Unsubscribe=One-Click" });
    expect(oneClick.status).toBe(200);
    const [after] = await caller().subscriptions.list();
    expect(after?.recipients).toMatchObject([{ status: "unsubscribed" }]);
  });

  it("a link altered by one character opens nothing", async () => {
    const [listed] = await caller().subscriptions.list();
    const id = listed?.recipients[0]?.id ?? "";
    const forged = await fetch(`${server.url}/api/v1/subscriptions/confirm?r=${id}&t=${"A".repeat(43)}`);
    expect(forged.status).toBe(404);
    expect(await forged.text()).toContain("Liên kết không hợp lệ");
    expect((await fetch(`${server.url}/api/v1/subscriptions/confirm`)).status).toBe(400);
  });

  it("a mail server refusing every message: retried after a delay, then shown as failed with its answer", async () => {
    const sent = smtp.messages.length;
    await caller().subscriptions.create({
      scope: { kind: "commune", code: "00004" },
      cadence: "daily",
      time: await dueNowTime(),
      lang: "en",
      addresses: ["busy@xa.test"],
    });
    const confirmation = (await smtp.waitFor(sent + 1)).at(-1);
    if (!confirmation) throw new Error("no confirmation");
    expect(confirmation.subject).toMatch(/^\[Commune Pulse\] Confirm your report subscription: /);
    smtp.refuseWith = "mailbox busy, try later";
    await open(linkIn(confirmation, "/api/v1/subscriptions/confirm"));
    const failed = await readUntil(
      async () => (await caller().subscriptions.list())[0]?.deliveries ?? [],
      (list) => list[0]?.status === "failed",
    );
    // a try and one retry (retryLimit 1), then failed with the server's own words
    expect(failed).toMatchObject([{ email: "busy@xa.test", status: "failed", attempts: 2 }]);
    expect(failed[0]?.lastError).toContain("mailbox busy, try later");
    expect(smtp.refused).toBe(2);
    expect(smtp.messages).toHaveLength(sent + 1);
    smtp.refuseWith = null;
  });

  it("refuses bad input naming the field, in Vietnamese and English, and writes nothing", async () => {
    const before = (await caller().subscriptions.list()).length;
    const refusal = await caller()
      .subscriptions.create({
        scope: { kind: "province", code: "01" },
        cadence: "weekly",
        time: "25:00",
        lang: "vi",
        addresses: ["not-an-address"],
      })
      .catch((error: unknown) => error);
    expect(JSON.stringify(refusal)).toContain("time");
    expect(String(refusal)).toMatch(/weekday|time|addresses/);
    const outside = await caller()
      .subscriptions.create({
        scope: { kind: "province", code: "79" },
        cadence: "daily",
        time: "07:00",
        lang: "vi",
        addresses: ["a@b.test"],
      })
      .catch((error: unknown) => error);
    expect(String(outside)).toContain("Outside your assigned scope");
    expect(await caller().subscriptions.list()).toHaveLength(before);
  });
});
