import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../server/src/auth/demo-accounts";
import { signInForToken } from "../../server/src/auth/sign-in-client";
import { seriousViolations } from "./support/axe";
import { allowConsoleErrors } from "./support/console-errors";
import { ARTIFACTS, launchBrowser, signIn, startStack, type Stack } from "./support/stack";

const COMMUNE = "00082";
const VILLAGES = ["00082-001", "00082-002"];
const PHONE = { width: 360, height: 640 };

/** What the server holds for the commune, read as another system would (tRPC over HTTP). */
async function communeFigures(apiUrl: string, reporter: string) {
  const token = await signInForToken(apiUrl, "admin@pulse.demo", DEMO_PASSWORD);
  const get = async (path: string, input: unknown) => {
    const query = encodeURIComponent(JSON.stringify({ json: input }));
    const response = await fetch(`${apiUrl}/trpc/${path}?input=${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return ((await response.json()) as { result: { data: { json: unknown } } }).result.data.json;
  };
  const detail = (await get("progress.commune", { code: COMMUNE })) as {
    commune: { eidL2Activated: number; householdsVisited: number };
  };
  const recent = (await get("reports.recent", { scope: { kind: "commune", code: COMMUNE }, limit: 500 })) as {
    id: number;
    reporter: string;
  }[];
  return {
    activated: detail.commune.eidL2Activated,
    households: detail.commune.householdsVisited,
    ledgerIds: recent.filter((r) => r.reporter === reporter).map((r) => r.id),
  };
}

/** Enters one report on the page: place, two counters, the team, review, send. */
async function enterReport(page: Page, village: string, activated: number, households: number, reporter: string) {
  await page.getByLabel("Thôn, tổ dân phố").selectOption(village);
  await page.getByLabel("Tài khoản mức 2 đã kích hoạt", { exact: true }).fill(String(activated));
  await page.getByLabel("Hộ gia đình đã đến", { exact: true }).fill(String(households));
  await page.getByLabel("Tổ, đội báo cáo").fill(reporter);
  await page.getByRole("button", { name: "Xem lại trước khi gửi" }).click();
  await page.getByRole("button", { name: "Gửi báo cáo" }).click();
  await page.getByText("Đã lưu trên máy").waitFor();
}

const states = (page: Page) =>
  page.locator("li[data-state]").evaluateAll((items) => items.map((i) => i.getAttribute("data-state")));

describe("field reporting page on a phone", () => {
  let stack: Stack;
  let browser: Browser;
  let reporter: BrowserContext;
  /** Each test is another phone, signed in as the commune's reporter. */
  const newPhone = async () => {
    reporter = await browser.newContext({
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      locale: "vi-VN",
      timezoneId: "Asia/Ho_Chi_Minh",
    });
    const page = await reporter.newPage();
    await signIn(page, stack.webUrl, "totruong.cuanam@pulse.demo");
    // A reporter lands on the reporting page.
    await page.waitForURL((url) => url.pathname === "/report");
    await page.close();
  };
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack({ apiPort: 3231, webPort: 3230 }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const openReportPage = async () => {
    await newPhone();
    const page = await reporter.newPage();
    await page.goto(`${stack.webUrl}/report`);
    await page.locator(`option[value="${VILLAGES[1]}"]`).waitFor({ state: "attached" });
    await page.getByRole("button", { name: "Xem lại trước khi gửi" }).waitFor();
    // The service worker has the page and what it loaded: the next visit opens offline.
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const registration = await navigator.serviceWorker.getRegistration();
            return `${!!registration?.active} ${!!(await caches.match(location.pathname))}`;
          }),
        {
          timeout: 20_000,
        },
      )
      .toBe("true true");
    return page;
  };

  it("keeps 5 reports entered offline, then records each once when the network returns", async () => {
    const team = "Tổ e2e ngoại tuyến";
    const before = await communeFigures(stack.apiUrl, team);
    const page = await openReportPage();
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
    await page.screenshot({ path: join(ARTIFACTS, "field-recorded-360.png"), fullPage: true });
    await page.close();
  });

  it("counts a report once when the answer is lost on the way back, and shows the first receipt", async () => {
    const team = "Tổ e2e mất phản hồi";
    const page = await openReportPage();
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
    const page = await openReportPage();
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
    const page = await openReportPage();
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
    const page = await openReportPage();
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
    const page = await openReportPage();
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

  it("warns before sending a figure that is probably a typo, and sends nothing unless told to", async () => {
    const page = await openReportPage();
    await page.getByLabel("Thôn, tổ dân phố").selectOption(VILLAGES[0] ?? "");
    await page.getByLabel("Tài khoản mức 2 đã kích hoạt", { exact: true }).fill("900000");
    await page.getByLabel("Tổ, đội báo cáo").fill("Tổ e2e nhập nhầm");
    await page.getByRole("button", { name: "Xem lại trước khi gửi" }).click();
    await expect
      .poll(() => page.locator("[data-implausible] li").first().textContent())
      .toMatch(/^Tài khoản mức 2 đã kích hoạt: 900\.000 — nhiều hơn số người còn chưa kích hoạt của xã, phường \(\d/);
    await page.getByRole("button", { name: "Vẫn gửi" }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "field-implausible-360.png"), fullPage: true });
    await page.getByRole("button", { name: "Sửa lại" }).click();
    await page.getByLabel("Tài khoản mức 2 đã kích hoạt", { exact: true }).fill("9");
    await page.getByRole("button", { name: "Xem lại trước khi gửi" }).click();
    await page.getByRole("button", { name: "Gửi báo cáo" }).waitFor();
    expect(await page.locator("[data-implausible]").count()).toBe(0);
    expect(await states(page)).toEqual([]);
    await page.close();
  });

  it("holds a typo sent anyway until the commune approves it on its command page; then the phone shows it recorded, counted once", async () => {
    const team = "Tổ e2e chờ duyệt";
    const before = await communeFigures(stack.apiUrl, team);
    const page = await openReportPage();
    await page.getByLabel("Thôn, tổ dân phố").selectOption(VILLAGES[0] ?? "");
    await page.getByLabel("Tài khoản mức 2 đã kích hoạt", { exact: true }).fill("900000");
    await page.getByLabel("Tổ, đội báo cáo").fill(team);
    await page.getByRole("button", { name: "Xem lại trước khi gửi" }).click();
    await page.getByRole("button", { name: "Vẫn gửi" }).click();
    await expect.poll(() => states(page), { timeout: 30_000 }).toEqual(["held"]);
    await page.getByText("đang chờ xã, phường hoặc tỉnh duyệt").waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "field-held-360.png"), fullPage: true });
    // The demo feed keeps adding a few activations to the commune meanwhile: held, the 900,000 are not among them.
    const whileHeld = await communeFigures(stack.apiUrl, team);
    expect(whileHeld.ledgerIds).toEqual([]);
    expect(whileHeld.activated - before.activated).toBeLessThan(1_000);

    const office = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "vi-VN" });
    const command = await office.newPage();
    await signIn(command, stack.webUrl, "cuanam@pulse.demo");
    await command.goto(`${stack.webUrl}/commune/${COMMUNE}`);
    const held = command.locator("[data-held-report]", { hasText: team });
    await held.getByText("Tài khoản mức 2 đã kích hoạt: 900.000 — nhiều hơn").waitFor();
    await command.screenshot({ path: join(ARTIFACTS, "command-held.png") });
    command.once("dialog", (dialog) => void dialog.accept());
    await held.getByRole("button", { name: "Duyệt (tính vào số liệu)" }).click();
    await held.waitFor({ state: "detached" });
    await office.close();

    const after = await communeFigures(stack.apiUrl, team);
    expect(after.activated - whileHeld.activated).toBeGreaterThanOrEqual(900_000);
    expect(after.activated - whileHeld.activated).toBeLessThan(901_000);
    expect(after.ledgerIds).toHaveLength(1);
    // Shown again, the page asks after its held report at once.
    await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
    await expect.poll(() => states(page), { timeout: 30_000 }).toEqual(["recorded"]);
    await page.getByText(/đã ghi nhận · biên nhận số [\d.]+/).waitFor();
    const again = await communeFigures(stack.apiUrl, team);
    expect(again.ledgerIds).toEqual(after.ledgerIds);
    expect(again.activated - after.activated).toBeLessThan(1_000);
    await page.close();
  });
});
