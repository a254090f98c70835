import { join } from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../server/src/auth/demo-accounts";
import { seriousViolations } from "./support/axe";
import { allowConsoleErrors } from "./support/console-errors";
import {
  activatedTodayOnPage,
  COMMUNE,
  communeFigures,
  enterReport,
  openReportPage,
  states,
  VILLAGES,
} from "./support/field-phone";
import { ARTIFACTS, launchBrowser, signedInContext, startStack, type Stack } from "./support/stack";

describe("field reporting page on a phone", () => {
  let stack: Stack;
  let browser: Browser;
  let reporter: BrowserContext;
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack({ apiPort: 3231, webPort: 3230 }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const openPhone = async () => {
    const opened = await openReportPage(browser, stack.webUrl);
    reporter = opened.phone;
    return opened.page;
  };

  it("keeps 5 reports entered offline, then records each once when the network returns", async () => {
    const team = "Tổ e2e ngoại tuyến";
    const before = await communeFigures(stack.apiUrl, team);
    const page = await openPhone();
    await page.locator("[data-commune-figures]").waitFor();
    const todayBefore = await activatedTodayOnPage(page);
    // The commune's wall, on a screen with a network of its own.
    const screen = await signedInContext(browser, stack.webUrl, "totruong.cuanam@pulse.demo");
    const wall = await screen.newPage();
    await wall.goto(`${stack.webUrl}/wall/commune/${COMMUNE}`);
    await expect.poll(() => wall.locator("[data-live-status]").getAttribute("data-live-status")).toBe("live");
    const wallToday = async () => Number((await wall.locator('[data-measure="today"]').innerText()).replace(/\D/g, ""));
    const wallBefore = await wallToday();
    // Offline, the page's own requests (figures, the live hub) fail: expected.
    allowConsoleErrors(/ERR_INTERNET_DISCONNECTED/, /ERR_FAILED/);
    await reporter.setOffline(true);
    for (let i = 0; i < 5; i++) await enterReport(page, VILLAGES[i % 2] ?? "", i + 1, 2, team);
    expect(await states(page)).toEqual(["waiting", "waiting", "waiting", "waiting", "waiting"]);
    await expect.poll(() => page.locator("[data-provisional]").count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, "field-offline-360.png"), fullPage: true });

    // Reloaded with no network: the service worker opens the page, the outbox still holds all five.
    await page.reload();
    await expect.poll(() => states(page), { timeout: 15_000 }).toEqual(Array(5).fill("waiting"));
    await page.getByRole("button", { name: "Xem lại trước khi gửi" }).waitFor();

    await reporter.setOffline(false);
    await expect.poll(() => states(page), { timeout: 30_000 }).toEqual(Array(5).fill("recorded"));
    await expect.poll(() => page.getByText(/biên nhận số \d+/).count()).toBe(5);
    const after = await communeFigures(stack.apiUrl, team);
    expect(after.activated - before.activated).toBe(1 + 2 + 3 + 4 + 5);
    expect(after.households - before.households).toBe(10);
    expect(after.ledgerIds).toHaveLength(5);
    // The page's figures are read again: what was sent is in them, no longer provisional.
    await expect.poll(() => activatedTodayOnPage(page), { timeout: 15_000 }).toBe(todayBefore + 15);
    expect(await page.locator("[data-provisional]").count()).toBe(0);
    await expect.poll(() => wallToday(), { timeout: 15_000 }).toBe(wallBefore + 15);
    await screen.close();
    await page.screenshot({ path: join(ARTIFACTS, "field-recorded-360.png"), fullPage: true });
    await page.close();
  });

  it("counts a report once when the answer is lost on the way back, and shows the first receipt", async () => {
    const team = "Tổ e2e mất phản hồi";
    const page = await openPhone();
    let posts = 0;
    allowConsoleErrors(/ERR_FAILED|Failed to load resource/);
    await page.route("**/api/v1/reports", async (route) => {
      posts += 1;
      if (posts === 1) {
        // The server commits the report; the phone never hears back.
        await route.fetch();
        await route.abort("failed");
      } else await route.continue();
    });
    await enterReport(page, VILLAGES[0] ?? "", 7, 1, team);
    await expect.poll(() => states(page), { timeout: 30_000 }).toEqual(["recorded"]);
    expect(posts).toBe(2);
    const { ledgerIds } = await communeFigures(stack.apiUrl, team);
    expect(ledgerIds).toHaveLength(1);
    await expect.poll(() => page.getByText(`biên nhận số ${ledgerIds[0]}`).count()).toBe(1);
    await page.close();
  });

  it("refuses only the report at fault in a batch, shows the reason, and does not send it again", async () => {
    const team = "Tổ e2e bị từ chối";
    const page = await openPhone();
    allowConsoleErrors(/ERR_INTERNET_DISCONNECTED/, /status of 403/);
    await reporter.setOffline(true);
    await enterReport(page, VILLAGES[0] ?? "", 3, 0, team);
    await enterReport(page, VILLAGES[1] ?? "", 2, 0, team);
    const [, firstKey] = await page
      .locator("li[data-report-key]")
      .evaluateAll((items) => items.map((i) => i.getAttribute("data-report-key")));
    // The first report's village moved out of this reporter's scope meanwhile: wherever it is
    // sent (in the batch, or alone), it now names another province's commune, and the server refuses.
    const outOfScope = (report: Record<string, unknown>) =>
      report.idempotencyKey === firstKey ? { ...report, communeCode: "00004", villageCode: undefined } : report;
    const bodies: string[] = [];
    await page.route("**/api/v1/reports", async (route) => {
      const body = JSON.parse(route.request().postData() ?? "{}") as { reports?: Record<string, unknown>[] };
      bodies.push(body.reports ? `batch of ${body.reports.length}` : "one");
      const postData = JSON.stringify(
        body.reports ? { reports: body.reports.map(outOfScope) } : outOfScope(body as Record<string, unknown>),
      );
      await route.continue({ postData });
    });
    await reporter.setOffline(false);
    await expect.poll(() => states(page), { timeout: 30_000 }).toEqual(["recorded", "refused"]);
    await expect.poll(() => page.getByRole("alert").filter({ hasText: "phạm vi" }).count()).toBe(1);
    await page.waitForTimeout(7_000);
    // The batch was refused as a whole, then each sent alone; the refused one never again.
    expect(bodies).toEqual(["batch of 2", "one", "one"]);
    expect((await communeFigures(stack.apiUrl, team)).ledgerIds).toHaveLength(1);
    await page.screenshot({ path: join(ARTIFACTS, "field-refused-360.png"), fullPage: true });

    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Bỏ báo cáo này" }).click();
    await expect.poll(() => states(page)).toEqual(["recorded"]);
    await page.close();
  });

  it("keeps a report when the session expired offline, asks to sign in, then sends it once", async () => {
    const team = "Tổ e2e hết phiên";
    const page = await openPhone();
    allowConsoleErrors(/ERR_INTERNET_DISCONNECTED/, /status of 401/);
    await reporter.setOffline(true);
    await enterReport(page, VILLAGES[1] ?? "", 4, 3, team);
    // The session ends while the phone is away (expired, or revoked from another device).
    await reporter.clearCookies();
    await reporter.setOffline(false);
    await page.getByText("Phiên đăng nhập đã hết hạn").waitFor({ timeout: 30_000 });
    expect(await states(page)).toEqual(["waiting"]);
    await page.screenshot({ path: join(ARTIFACTS, "field-sign-in-again-360.png"), fullPage: true });

    await page.getByRole("link", { name: "Đăng nhập lại" }).click();
    await page.getByLabel("Thư điện tử").fill("totruong.cuanam@pulse.demo");
    await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL((url) => url.pathname === "/report");
    await expect.poll(() => states(page), { timeout: 30_000 }).toEqual(["recorded"]);
    expect((await communeFigures(stack.apiUrl, team)).ledgerIds).toHaveLength(1);

    // Signing out with a report waiting warns, and keeps it.
    await reporter.setOffline(true);
    await enterReport(page, VILLAGES[1] ?? "", 1, 0, team);
    let warning = "";
    page.once("dialog", (dialog) => {
      warning = dialog.message();
      void dialog.dismiss();
    });
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await expect.poll(() => warning).toMatch(/^Còn 1 báo cáo chưa gửi/);
    expect(await states(page)).toEqual(["waiting", "recorded"]);
    await reporter.setOffline(false);
    await page.close();
  });

  it("fits phones from 360 to 412 wide, at 200 % text too, with nothing serious for axe, in both languages", async () => {
    const page = await openPhone();
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 412, height: 915 });
    await page.screenshot({ path: join(ARTIFACTS, "field-412.png"), fullPage: true });
    await page.addStyleTag({ content: "html { font-size: 200% }" });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect.poll(() => page.getByRole("button", { name: "Xem lại trước khi gửi" }).isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, "field-412-text-200.png") });

    await page.goto(`${stack.webUrl}/report?lang=en`);
    await page.getByRole("button", { name: "Review before sending" }).waitFor();
    await page.getByRole("button", { name: "Review before sending" }).click();
    // Nothing entered: the schema's own message, in English, under the counters.
    await page.getByText("the report has no figures").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${stack.webUrl}/report?lang=vi`);
    await page.close();
  });

  it("shows a report sent hours after its time as late, on the wall and on the command page", async () => {
    const team = "Tổ e2e gửi muộn";
    const page = await openPhone();
    const threeHoursAgo = await page.evaluate(() => {
      const d = new Date(Date.now() - 3 * 3600_000 - 60_000);
      const pad = (n: number) => String(n).padStart(2, "0");
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    });
    await page.getByLabel("Thời điểm").fill(threeHoursAgo);
    await enterReport(page, VILLAGES[0] ?? "", 6, 0, team);
    await expect.poll(() => states(page), { timeout: 30_000 }).toEqual(["recorded"]);
    const wall = await reporter.newPage();
    await wall.goto(`${stack.webUrl}/wall/commune/${COMMUNE}`);
    await expect.poll(() => wall.locator("[data-ticker] [data-late]").first().textContent()).toBe("(gửi muộn 3 giờ)");
    // The command page's history keeps both times: when it arrived, and the moment it describes.
    await wall.goto(`${stack.webUrl}/commune/${COMMUNE}`);
    await expect
      .poll(() => wall.locator('[data-testid="history"] [data-late]').first().textContent())
      .toMatch(/^gửi muộn 3 giờ · số liệu lúc \d{2}:\d{2},? \d{2}\/\d{2}\/\d{4}$/);
    await wall.close();
    await page.close();
  });
});
