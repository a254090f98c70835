import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { DEMO_PASSWORD } from "../../../server/src/auth/demo-accounts";
import { signInForToken } from "../../../server/src/auth/sign-in-client";
import { signIn } from "./stack";

/** The field suites' phone: the demo's reporter in Cửa Nam, on a 360×640 Android screen. */
export const COMMUNE = "00082";
export const VILLAGES = ["00082-001", "00082-002"];
const PHONE = { width: 360, height: 640 };

/** What the server holds for the commune, read as another system would (tRPC over HTTP). */
export async function communeFigures(apiUrl: string, reporter: string) {
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
export async function enterReport(
  page: Page,
  village: string,
  activated: number,
  households: number,
  reporter: string,
) {
  await page.getByLabel("Thôn, tổ dân phố").selectOption(village);
  await page.getByLabel("Tài khoản mức 2 đã kích hoạt", { exact: true }).fill(String(activated));
  await page.getByLabel("Hộ gia đình đã đến", { exact: true }).fill(String(households));
  await page.getByLabel("Tổ, đội báo cáo").fill(reporter);
  await page.getByRole("button", { name: "Xem lại trước khi gửi" }).click();
  await page.getByRole("button", { name: "Gửi báo cáo" }).click();
  await page.getByText("Đã lưu trên máy").waitFor();
}

/** The commune's "activated today" as the page shows it (vi-VN digits, "1.234"). */
export const activatedTodayOnPage = async (page: Page) =>
  Number((await page.locator("[data-commune-figures] dd").nth(1).innerText()).replace(/\D/g, ""));

export const states = (page: Page) =>
  page.locator("li[data-state]").evaluateAll((items) => items.map((i) => i.getAttribute("data-state")));

/**
 * Another phone (a browser context), signed in as the commune's reporter, with the reporting
 * page open and its service worker holding the page (so the next visit opens offline).
 */
export async function openReportPage(browser: Browser, webUrl: string): Promise<{ phone: BrowserContext; page: Page }> {
  const phone = await browser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
  const signInPage = await phone.newPage();
  await signIn(signInPage, webUrl, "totruong.cuanam@pulse.demo");
  // A reporter lands on the reporting page.
  await signInPage.waitForURL((url) => url.pathname === "/report");
  await signInPage.close();
  const page = await phone.newPage();
  await page.goto(`${webUrl}/report`);
  await page.locator(`option[value="${VILLAGES[1]}"]`).waitFor({ state: "attached" });
  await page.getByRole("button", { name: "Xem lại trước khi gửi" }).waitFor();
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return `${!!registration?.active} ${!!(await caches.match(location.pathname))}`;
        }),
      { timeout: 20_000 },
    )
    .toBe("true true");
  return { phone, page };
}
