import { join } from "node:path";
import { simpleParser } from "mailparser";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe";
import { allowConsoleErrors } from "./support/console-errors";
import { ARTIFACTS, interactive, launchBrowser, signedInContext, startStack, type Stack } from "./support/stack";
import { dueNowTime } from "../../server/src/testing/waits";

describe("reports by email in Chromium (no SMTP server: the outbox)", () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack({ apiPort: 3291, webPort: 3290 }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("a province user subscribes a commune's leader, who confirms from the message; the report arrives with its PDF", async () => {
    const context = await signedInContext(browser, stack.webUrl, "hanoi@pulse.demo");
    const page = await context.newPage();
    await page.goto(`${stack.webUrl}/subscriptions`);
    await interactive(page);
    await page.getByRole("heading", { name: "Báo cáo qua thư điện tử" }).waitFor();

    // bad input: the field named, in Vietnamese, and nothing listed (the refusal is a 400 in the console)
    allowConsoleErrors(/subscriptions: Failed to load resource: the server responded with a status of 400/);
    await page.getByLabel("Địa chỉ nhận (mỗi dòng một địa chỉ)").fill("khong-phai-dia-chi");
    await page.getByRole("button", { name: "Đăng ký" }).click();
    await page.getByText("sai định dạng").waitFor();
    await page.getByText("Bạn chưa đăng ký báo cáo nào.").waitFor();

    await page.getByLabel("Đơn vị").selectOption({ label: "Phường Cửa Nam" });
    await page.getByLabel("Giờ gửi (giờ Việt Nam)").fill(await dueNowTime());
    await page.getByLabel("Địa chỉ nhận (mỗi dòng một địa chỉ)").fill("chu.tich@cua-nam.test");
    await page.getByRole("button", { name: "Đăng ký" }).click();
    await page.getByText("Đã đăng ký. Thư xác nhận đã được gửi đến từng địa chỉ.").waitFor();
    const card = page.locator("[data-subscription]");
    await card.getByRole("heading", { name: "Phường Cửa Nam" }).waitFor();
    await card.getByText("chờ xác nhận").waitFor();

    // the confirmation, as its recipient would read it, opened from the page
    const confirmationLink = card.getByRole("link", { name: "Thư xác nhận (.eml)" });
    await confirmationLink.waitFor({ timeout: 20_000 });
    const eml = await page.request.get(`${stack.webUrl}${await confirmationLink.getAttribute("href")}`);
    expect(eml.headers()["content-type"]).toBe("message/rfc822");
    const confirmation = await simpleParser(await eml.body());
    expect(confirmation.subject).toBe("[Commune Pulse] Xác nhận nhận báo cáo: Phường Cửa Nam");
    const link = confirmation.text?.match(/http\S+\/api\/v1\/subscriptions\/confirm\?\S+/)?.[0] ?? "";
    expect(link.startsWith(`${stack.webUrl}/`)).toBe(true);
    const recipientPage = await context.newPage();
    await recipientPage.goto(link);
    await recipientPage
      .getByText("Đã xác nhận: địa chỉ chu.tich@cua-nam.test sẽ nhận báo cáo Phường Cửa Nam.")
      .waitFor();

    // the list reads itself again: the report sent, and its message opens
    await card.getByText("đã xác nhận").waitFor({ timeout: 20_000 });
    await card.locator('[data-delivery="sent"]').waitFor({ timeout: 30_000 });
    const reportHref = await card.getByRole("link", { name: "Mở tệp .eml" }).getAttribute("href");
    const report = await simpleParser(await (await page.request.get(`${stack.webUrl}${reportHref}`)).body());
    expect(report.subject).toMatch(/^\[Commune Pulse\] Báo cáo hằng ngày: Phường Cửa Nam, ngày /);
    expect(report.attachments[0]?.contentType).toBe("application/pdf");
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "subscriptions-1440-vi.png"), fullPage: true });

    // one click on the unsubscribe link in the report ends it
    const unsubscribe = report.text?.match(/http\S+\/api\/v1\/subscriptions\/unsubscribe\?\S+/)?.[0] ?? "";
    await recipientPage.goto(unsubscribe);
    await recipientPage
      .getByText("Đã hủy: địa chỉ chu.tich@cua-nam.test sẽ không nhận báo cáo Phường Cửa Nam nữa.")
      .waitFor();
    await card.getByText("đã hủy nhận").waitFor({ timeout: 20_000 });
    await context.close();
  });
});
