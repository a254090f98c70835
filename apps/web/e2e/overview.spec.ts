import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, launchBrowser, signedInContext, startStack, submitReport, type Stack } from "./support/stack";

describe("overview page in Chromium", () => {
  let stack: Stack;
  let browser: Browser;
  /** the demo's national admin, who sees every province */
  let admin: BrowserContext;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    [stack, browser] = await Promise.all([startStack({ apiPort: 3211, webPort: 3210 }), launchBrowser()]);
    admin = await signedInContext(browser, stack.webUrl, "admin@pulse.demo");
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("lists the 34 provinces with Vietnamese names and vi-VN numbers", async () => {
    const page = await admin.newPage();
    await page.goto(stack.webUrl);
    await page
      .getByRole("cell", { name: "Thành phố Hà Nội" })
      .or(page.getByRole("rowheader", { name: "Thành phố Hà Nội" }))
      .waitFor();
    expect(await page.locator("tbody tr").count()).toBe(35); // 34 provinces and the national total
    await expect.poll(() => page.locator("[data-live-status]").getAttribute("data-live-status")).toBe("live");
    const rate = await page.locator('tr[data-unit="01"] [data-measure="rate"]').textContent();
    expect(rate).toMatch(/^\d{1,3},\d%$/); // decimal comma
    await page.screenshot({ path: join(ARTIFACTS, "overview-nation-vi.png"), fullPage: true });
    await page.close();
  });

  it("updates a commune's figures live, without a reload, when a report is submitted", async () => {
    const page = await admin.newPage();
    await page.goto(`${stack.webUrl}/?province=01`);
    const row = page.locator('tr[data-unit="00082"]');
    await expect.poll(() => row.locator("th").textContent()).toBe("Phường Cửa Nam");
    await expect.poll(() => page.locator("[data-live-status]").getAttribute("data-live-status")).toBe("live");
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    const before = Number((await row.locator('[data-measure="activated"]').textContent())?.replace(/\./g, ""));

    await submitReport(stack.apiUrl, {
      idempotencyKey: randomUUID(),
      communeCode: "00082",
      villageCode: "00082-001",
      asOf: new Date().toISOString(),
      reporter: "e2e",
      source: "api",
      mode: "increment",
      counters: { eidL2Activated: 1234 },
    });

    await expect
      .poll(async () => Number((await row.locator('[data-measure="activated"]').textContent())?.replace(/\./g, "")), {
        timeout: 5_000,
      })
      .toBe(before + 1234);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, "overview-ha-noi-vi.png") });
    await page.close();
  });

  it("speaks English with ?lang=en", async () => {
    const page = await admin.newPage();
    await page.goto(`${stack.webUrl}/?province=01&lang=en`);
    const row = page.locator('tr[data-unit="00082"]');
    await expect.poll(() => row.locator("th").textContent()).toBe("Cua Nam Ward");
    expect(await row.locator('[data-measure="rate"]').textContent()).toMatch(/^\d{1,3}\.\d%$/);
    expect(await page.locator("h1").textContent()).toBe("Level-2 electronic identification activation");
    await page.close();
  });
});
