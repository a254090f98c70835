import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../server/src/auth/demo-accounts";
import { signInForToken } from "../../server/src/auth/sign-in-client";
import { allowConsoleErrors } from "./support/console-errors";
import { ARTIFACTS, increment, launchBrowser, startStack, submitReport, type Stack } from "./support/stack";

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
] as const;

describe("wall screens on a TV in Chromium", () => {
  let stack: Stack;
  let browser: Browser;
  let adminToken = "";

  const trpc = async <T>(path: string, input: unknown, method: "GET" | "POST" = "POST"): Promise<T> => {
    const headers = { "content-type": "application/json", authorization: `Bearer ${adminToken}` };
    const response =
      method === "POST"
        ? await fetch(`${stack.apiUrl}/trpc/${path}`, {
            method,
            headers,
            body: JSON.stringify(superjson.serialize(input)),
          })
        : await fetch(
            `${stack.apiUrl}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`,
            {
              headers,
            },
          );
    const body = (await response.json()) as { result: { data: never } };
    return superjson.deserialize<T>(body.result.data);
  };

  /** A TV given a token link for a scope, as a ward office sets one up. */
  const tvFor = async (scope: unknown, viewport: { width: number; height: number } = SIZES[0]) => {
    const { secret, token } = await trpc<{ secret: string; token: { id: string } }>("kiosk.create", {
      name: `TV ${randomUUID()}`,
      scope,
    });
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(`${stack.webUrl}/?token=${secret}`);
    return { context, page, tokenId: token.id, secret };
  };

  /** What a TV viewer sees must fit: nothing scrolls, nothing runs past the wall's body. */
  const fitsScreen = (page: Page) =>
    page.evaluate(() => {
      const main = document.querySelector("[data-wall] main");
      return {
        scrolls:
          document.documentElement.scrollHeight > window.innerHeight ||
          document.documentElement.scrollWidth > window.innerWidth,
        overflows: main ? main.scrollHeight > main.clientHeight + 1 || main.scrollWidth > main.clientWidth + 1 : true,
      };
    });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    [stack, browser] = await Promise.all([
      startStack({ apiPort: 3241, webPort: 3240, demoFeedMs: 600_000 }),
      launchBrowser(),
    ]);
    adminToken = await signInForToken(stack.apiUrl, "admin@pulse.demo", DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("shows a commune's rate, and a report submitted through the API on the rate and the ticker within 1 s", async () => {
    const { page, context } = await tvFor({ kind: "commune", code: "00082" });
    await page.waitForURL(`${stack.webUrl}/wall/commune/00082`);
    const rate = page.locator('[data-measure="rate"]');
    await rate.waitFor();
    await expect.poll(() => page.locator("[data-live-status]").getAttribute("data-live-status")).toBe("live");
    const before = await rate.textContent();
    const today = await page.locator('[data-measure="today"]').textContent();

    const receipt = (await submitReport(stack.apiUrl, increment("00082", { eidL2Activated: 250 }, "00082-001"))) as {
      result: { data: { json: { reportId: number } } };
    };
    const reportId = receipt.result.data.json.reportId;
    await expect.poll(() => rate.textContent(), { timeout: 1_000, interval: 50 }).not.toBe(before);
    await expect
      .poll(() => page.locator(`[data-report-id="${reportId}"]`).count(), { timeout: 1_000, interval: 50 })
      .toBe(1);
    expect(await page.locator(`[data-report-id="${reportId}"]`).textContent()).toContain("+250 kích hoạt mức 2");
    await expect.poll(() => page.locator('[data-measure="today"]').textContent()).not.toBe(today);
    await context.close();
  });

  it("says the connection is lost within 15 s of the server stopping, and shows correct figures once it is back", async () => {
    // The socket's reconnection attempts, and the page's refetches answered 503 by the web app.
    allowConsoleErrors(
      /WebSocket connection to .* failed: .*ERR_CONNECTION_REFUSED/,
      /status of 503 \(Service Unavailable\)/,
    );
    const { page, context } = await tvFor({ kind: "commune", code: "00082" });
    const rate = page.locator('[data-measure="rate"]');
    await rate.waitFor();
    await expect.poll(() => page.locator("[data-live-status]").getAttribute("data-live-status")).toBe("live");
    await stack.stopServer();
    try {
      const stoppedAt = Date.now();
      await page.locator("[data-stale-banner]").waitFor({ timeout: 15_000 });
      expect(Date.now() - stoppedAt).toBeLessThan(15_000);
      expect(await page.locator("[data-stale-banner]").textContent()).toMatch(
        /^Mất kết nối — số liệu lúc \d{2}:\d{2}$/,
      );
      await page.screenshot({ path: join(ARTIFACTS, "wall-commune-disconnected-1920-vi.png") });
      // The web app answers for the API meanwhile: "come back later", not a server fault.
      const meanwhile = await fetch(`${stack.webUrl}/trpc/auth.me`);
      expect(meanwhile.status).toBe(503);
      expect(meanwhile.headers.get("retry-after")).toBe("5");
      expect(((await meanwhile.json()) as { error: { vi: string } }).error.vi).toBe(
        "Máy chủ đang khởi động lại, xin thử lại sau ít giây",
      );
    } finally {
      await stack.startServer();
    }
    // Reports that came while the screen was away are on it once it is back.
    adminToken = await signInForToken(stack.apiUrl, "admin@pulse.demo", DEMO_PASSWORD);
    await submitReport(stack.apiUrl, increment("00082", { eidL2Activated: 40 }));
    await page.locator("[data-stale-banner]").waitFor({ state: "detached", timeout: 30_000 });
    const [snapshot] = await trpc<{ indicators: { activationRate: { tenths: number } } }[]>(
      "progress.communes",
      { codes: ["00082"] },
      "GET",
    );
    const expected = `${((snapshot?.indicators.activationRate.tenths ?? 0) / 10).toLocaleString("vi-VN", { minimumFractionDigits: 1 })}%`;
    await expect.poll(() => rate.textContent(), { timeout: 10_000 }).toBe(expected);
    await context.close();
  }, 120_000);

  it("shows the re-pair message when the token is revoked", async () => {
    // A request the screen made just as its token was revoked is refused before it moves to /pair.
    allowConsoleErrors(/status of 401 \(Unauthorized\)/);
    const { page, context, tokenId } = await tvFor({ kind: "province", code: "01" });
    await page.locator('[data-measure="rate"]').first().waitFor();
    await trpc("kiosk.revoke", { id: tokenId });
    await page.waitForURL(/\/pair\?refused=revoked/, { timeout: 5_000 });
    await page.getByText("Mã của màn hình này đã bị thu hồi.").waitFor();
    await context.close();
  });

  it("advances the playlist and honours off hours", async () => {
    const { page, context } = await tvFor({ kind: "province", code: "01" });
    await page.goto(`${stack.webUrl}/wall/playlist?views=commune:00082,province:01&every=3`);
    await page.locator('[data-playlist-index="0"] [data-measure="rate"]').waitFor();
    expect(await page.locator("h1").textContent()).toBe("Phường Cửa Nam");
    await page.locator('[data-playlist-index="1"] [data-map] path').first().waitFor({ timeout: 6_000 });
    expect(await page.locator("h1").textContent()).toBe("Thành phố Hà Nội");
    await page.locator('[data-playlist-index="0"]').waitFor({ timeout: 6_000 });

    await page.goto(`${stack.webUrl}/wall/playlist?views=commune:00082&every=1`);
    await page.getByRole("alert").filter({ hasText: "không hợp lệ" }).waitFor();
    expect(await page.getByRole("alert").filter({ hasText: "không hợp lệ" }).textContent()).toContain(
      "không hợp lệ: every",
    );
    await page.goto(`${stack.webUrl}/wall/playlist?views=commune:00082,province:12`);
    await page.getByRole("alert").filter({ hasText: "không hợp lệ" }).waitFor();
    expect(await page.getByRole("alert").filter({ hasText: "không hợp lệ" }).textContent()).toContain(
      "province:12: ngoài phạm vi của màn hình này",
    );
    // A window that is never now: a dark screen with a clock.
    const hour = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Ho_Chi_Minh",
      hour: "2-digit",
      hourCycle: "h23",
    }).format(new Date());
    const closed = `${String((Number(hour) + 2) % 24).padStart(2, "0")}:00`;
    const reopens = `${String((Number(hour) + 3) % 24).padStart(2, "0")}:00`;
    await page.goto(`${stack.webUrl}/wall/playlist?views=commune:00082&on=${closed}&off=${reopens}`);
    await page.locator("[data-off-hours]").waitFor();
    await context.close();
  });

  it("fills 1920×1080 and 3840×2160 screens without scrolling, in Vietnamese and English", async () => {
    const views = [
      ["commune", "/wall/commune/00082", { kind: "commune", code: "00082" }],
      ["villages", "/wall/commune/00082/villages", { kind: "commune", code: "00082" }],
      ["province", "/wall/province/01", { kind: "province", code: "01" }],
      ["nation", "/wall/nation", { kind: "nation" }],
    ] as const;
    const contexts: BrowserContext[] = [];
    for (const size of SIZES) {
      for (const [name, path, scope] of views) {
        const { page, context } = await tvFor(scope, size);
        contexts.push(context);
        await page.goto(`${stack.webUrl}${path}`);
        await page.locator('[data-measure="rate"], [data-village]').first().waitFor();
        if (name === "province" || name === "nation") await page.locator("[data-map] path").first().waitFor();
        if (name !== "villages") await page.locator("[data-ticker] li").first().waitFor();
        await expect.poll(() => page.locator("[data-live-status]").getAttribute("data-live-status")).toBe("live");
        await page.screenshot({ path: join(ARTIFACTS, `wall-${name}-${size.width}-vi.png`) });
        expect(await fitsScreen(page), `${name} ${size.width}`).toEqual({ scrolls: false, overflows: false });
        if (size.width === 1920) {
          await page.goto(`${stack.webUrl}${path}?lang=en`);
          await page.locator('[data-measure="rate"], [data-village]').first().waitFor();
          if (name === "province" || name === "nation") await page.locator("[data-map] path").first().waitFor();
          await page.screenshot({ path: join(ARTIFACTS, `wall-${name}-${size.width}-en.png`) });
          expect(await fitsScreen(page), `${name} en`).toEqual({ scrolls: false, overflows: false });
        }
        await context.close();
      }
    }
  }, 240_000);
});
