import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowConsoleErrors } from "./support/console-errors";
import {
  ARTIFACTS,
  interactive,
  launchBrowser,
  signedInContext,
  signIn,
  startStack,
  type Stack,
} from "./support/stack";

describe("sign-in, scopes and wall-screen pairing in Chromium", () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    [stack, browser] = await Promise.all([
      startStack({ apiPort: 3231, webPort: 3230, demoFeedMs: 2_000 }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("shows a starting page while the API is down, which opens the page asked for by itself once it is up", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
    const page = await context.newPage();
    await stack.stopServer();
    try {
      await page.goto(`${stack.webUrl}/import`);
      expect(`${new URL(page.url()).pathname}${new URL(page.url()).search}`).toBe("/starting?next=%2Fimport");
      await page.getByRole("heading", { name: "Đang khởi động…" }).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, "starting-360-vi.png") });
    } finally {
      await stack.startServer();
    }
    // No reload by hand: the page retries, then goes on (to sign-in, on the way to /import).
    await page.waitForURL((url) => url.pathname === "/sign-in", { timeout: 20_000 });
    expect(new URL(page.url()).searchParams.get("next")).toBe("/import");
    await context.close();
  });

  it("sends a signed-out person to sign-in, says so when the password is wrong, and lands them on their scope", async () => {
    // The wrong password's answer.
    allowConsoleErrors(/sign-in.*status of 401 \(Unauthorized\)/);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${stack.webUrl}/import`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await interactive(page);
    await page.getByLabel("Thư điện tử").fill("cuanam@pulse.demo");
    await page.getByLabel("Mật khẩu").fill("sai-mat-khau-roi");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByText("Sai thư điện tử hoặc mật khẩu.").waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "sign-in-wrong-password-vi.png") });
    const cookies = await context.cookies();
    expect(cookies.some((c) => c.name.includes("session_token"))).toBe(false);

    await signIn(page, stack.webUrl, "cuanam@pulse.demo", "/import");
    expect(new URL(page.url()).pathname).toBe("/import");
    const session = (await context.cookies()).find((c) => c.name === "pulse.session_token");
    expect(session?.httpOnly).toBe(true);
    // A commune user lands on their commune, and is sent back there from a province or the nation.
    await page.goto(stack.webUrl);
    await page.waitForURL(`${stack.webUrl}/commune/00082`);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Phường Cửa Nam");
    for (const elsewhere of ["/province/12", "/nation"]) {
      await page.goto(`${stack.webUrl}${elsewhere}`);
      await page.waitForURL(`${stack.webUrl}/commune/00082?refused=outside`);
    }
    await page.getByRole("alert").filter({ hasText: "ngoài phạm vi được giao" }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "commune-user-vi.png") });
    await context.close();
  });

  it("pairs a TV by its code, then shows the re-pair message on the TV when the token is revoked", async () => {
    // A request the screen made just as its token was revoked is refused before it moves to /pair.
    allowConsoleErrors(/status of 401 \(Unauthorized\)/);
    const tvContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const tv = await tvContext.newPage();
    // The one address typed on the TV.
    await tv.goto(`${stack.webUrl}/pair`);
    const codeText = tv.getByTestId("pairing-code");
    await expect.poll(async () => (await codeText.textContent())?.replace(/\s/g, "")).toMatch(/^[2-9A-Z]{6}$/);
    const code = ((await codeText.textContent()) ?? "").replace(/\s/g, "");
    await tv.screenshot({ path: join(ARTIFACTS, "pair-tv-1920-vi.png") });

    const hanoi = await signedInContext(browser, stack.webUrl, "hanoi@pulse.demo");
    const manager = await hanoi.newPage();
    await manager.goto(`${stack.webUrl}/kiosk`);
    await interactive(manager);
    await manager.getByLabel("Mã trên TV").fill(code.toLowerCase());
    await manager.getByLabel("Tên màn hình").first().fill("TV phòng họp UBND phường Cửa Nam");
    await manager.getByRole("combobox", { name: "Phạm vi hiển thị" }).first().selectOption("commune");
    await manager.getByLabel("Mã đơn vị").first().fill("00082");
    await manager.getByRole("button", { name: "Ghép nối" }).click();
    await expect
      .poll(() => manager.getByRole("status").first().textContent())
      .toContain('Đã ghép nối "TV phòng họp UBND phường Cửa Nam"');

    // The TV moves to its commune's wall by itself, live.
    await tv.waitForURL(`${stack.webUrl}/wall/commune/00082`, { timeout: 15_000 });
    await tv.locator('[data-measure="rate"]').waitFor();
    await expect.poll(() => tv.locator("[data-live-status]").getAttribute("data-live-status")).toBe("live");
    await tv.screenshot({ path: join(ARTIFACTS, "paired-tv-1920-vi.png") });

    // Live, without a reload: the screen is connected, and says what it runs and shows.
    const row = manager.locator('tr[data-screen="TV phòng họp UBND phường Cửa Nam"]');
    await expect
      .poll(() => row.locator("[data-health]").getAttribute("data-health"), { timeout: 15_000 })
      .toBe("connected");
    await expect
      .poll(() => row.getByRole("cell").nth(4).textContent(), { timeout: 20_000 })
      .toBe("/wall/commune/00082");
    expect(await row.getByRole("cell").nth(5).textContent()).toBe("dev");
    await manager.screenshot({ path: join(ARTIFACTS, "kiosk-manager-vi.png"), fullPage: true });
    manager.once("dialog", (dialog) => void dialog.accept());
    const revokedAt = Date.now();
    await row.getByRole("button", { name: "Thu hồi" }).click();

    await tv.waitForURL(/\/pair\?refused=revoked/, { timeout: 5_000 });
    expect(Date.now() - revokedAt).toBeLessThan(5_000);
    await tv.getByText("Mã của màn hình này đã bị thu hồi.").waitFor();
    await expect.poll(async () => (await codeText.textContent())?.replace(/\s/g, "")).toMatch(/^[2-9A-Z]{6}$/);
    await tv.screenshot({ path: join(ARTIFACTS, "revoked-tv-1920-vi.png") });
    await Promise.all([tvContext.close(), hanoi.close()]);
  });

  it("opens a TV with a token link, keeps the token out of the address, and refuses a viewer the import page", async () => {
    const hanoi = await signedInContext(browser, stack.webUrl, "hanoi@pulse.demo");
    const manager = await hanoi.newPage();
    await manager.goto(`${stack.webUrl}/kiosk`);
    await interactive(manager);
    await manager.getByLabel("Tên màn hình").nth(1).fill("TV hội trường Sở Nội vụ");
    await manager.getByRole("button", { name: "Tạo mã" }).click();
    const link = (await manager.getByTestId("kiosk-link").textContent()) ?? "";
    expect(link).toMatch(/\/\?token=cpk_/);

    const tvContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const tv = await tvContext.newPage();
    await tv.goto(link);
    expect(tv.url()).not.toContain("token=");
    expect(new URL(tv.url()).pathname).toBe("/wall/province/01");
    await tv.locator('[data-measure="rate"]').first().waitFor();
    expect((await tvContext.cookies()).find((c) => c.name === "pulse_kiosk")?.httpOnly).toBe(true);

    // The TV is switched off: its manager sees it dark, since when, without a reload.
    const row = manager.locator('tr[data-screen="TV hội trường Sở Nội vụ"]');
    await expect
      .poll(() => row.locator("[data-health]").getAttribute("data-health"), { timeout: 15_000 })
      .toBe("connected");
    await tvContext.close();
    await expect
      .poll(() => row.locator("[data-health]").textContent(), { timeout: 15_000 })
      .toMatch(/^○ Tắt từ \d{2}:\d{2}$/);
    await manager.screenshot({ path: join(ARTIFACTS, "kiosk-fleet-vi.png"), fullPage: true });

    const viewer = await signedInContext(browser, stack.webUrl, "xem.hanoi@pulse.demo");
    const page = await viewer.newPage();
    await page.goto(`${stack.webUrl}/import`);
    await page.getByText("Chỉ cán bộ được giao nhập số liệu mới nhập được tệp.").waitFor();
    expect(await page.locator('input[name="file"]').count()).toBe(0);
    await Promise.all([hanoi.close(), viewer.close()]);
  });
});
