import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import type { Browser, Page } from "playwright-core";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../server/src/auth/demo-accounts";
import { signInForToken } from "../../server/src/auth/sign-in-client";
import { ARTIFACTS, launchBrowser, signedInContext, startStack, type Stack } from "./support/stack";

interface Rules {
  campaignId: string;
  silentMinutes: number;
  paceBehind: boolean;
  screenDarkMinutes: number;
  onHoursStart: number;
  onHoursEnd: number;
}

describe("alerts in the account bar, live, in Chromium", () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    [stack, browser] = await Promise.all([
      startStack({ apiPort: 3301, webPort: 3300, alertCheckSeconds: 2 }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const trpc = async <T>(token: string, path: string, input?: unknown): Promise<T> => {
    const response = await fetch(`${stack.apiUrl}/trpc/${path}`, {
      method: input === undefined ? "GET" : "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      ...(input === undefined ? {} : { body: JSON.stringify(superjson.serialize(input)) }),
    });
    const body = (await response.json()) as { result: { data: never } };
    return superjson.deserialize<T>(body.result.data);
  };
  /** an administrator sets every campaign's silence threshold, keeping the rest of its rules */
  const setSilentHours = async (admin: string, hours: number) => {
    for (const rules of await trpc<Rules[]>(admin, "alerts.rules"))
      await trpc(admin, "alerts.setRules", {
        campaignId: rules.campaignId,
        silentMinutes: hours * 60,
        paceBehind: rules.paceBehind,
        screenDarkMinutes: rules.screenDarkMinutes,
        onHoursStart: rules.onHoursStart,
        onHoursEnd: rules.onHoursEnd,
      });
  };
  const bell = (page: Page) => page.getByRole("button", { name: /^Cảnh báo \(\d+\)$/ });
  const unread = async (page: Page) => Number(await bell(page).getAttribute("data-unread"));
  const communesOf = async (page: Page, province: string) => {
    const response = await page.request.get(`${stack.webUrl}/api/v1/places?province=${province}`);
    const { communes } = (await response.json()) as { communes: { code: string }[] };
    return new Set(communes.map((c) => `commune:${c.code}`));
  };
  const listed = async (page: Page) => {
    if ((await bell(page).getAttribute("aria-expanded")) !== "true") await bell(page).click();
    return page.locator("[data-alert]").evaluateAll((items) => items.map((i) => i.getAttribute("data-alert") ?? ""));
  };

  it("communes going silent past a lowered threshold reach their province's user without a reload, and no other province's", async () => {
    const hanoi = await (await signedInContext(browser, stack.webUrl, "hanoi@pulse.demo")).newPage();
    const laichau = await (await signedInContext(browser, stack.webUrl, "laichau@pulse.demo")).newPage();
    await hanoi.goto(`${stack.webUrl}/province/01`);
    await laichau.goto(`${stack.webUrl}/province/12`);
    await bell(hanoi).waitFor();
    // the demo's communes silent for 48 hours are raised at the first check
    await hanoi.waitForTimeout(5_000);
    const before = await unread(hanoi);

    // an administrator lowers the threshold to 12 hours: more communes are silent past it
    const admin = await signInForToken(stack.apiUrl, "admin@pulse.demo", DEMO_PASSWORD);
    await setSilentHours(admin, 12);
    await hanoi.waitForFunction(
      (count) => Number(document.querySelector("[data-unread]")?.getAttribute("data-unread")) > count,
      before,
      { timeout: 20_000 },
    );

    const hanoiCommunes = await communesOf(hanoi, "01");
    const seenInHanoi = await listed(hanoi);
    expect(seenInHanoi.length).toBeGreaterThan(0);
    expect(seenInHanoi.filter((s) => !hanoiCommunes.has(s))).toEqual([]);
    await hanoi
      .getByText(/: không có báo cáo từ /)
      .first()
      .waitFor();
    await hanoi.screenshot({ path: join(ARTIFACTS, "alerts-1440-vi.png") });

    const seenInLaiChau = await listed(laichau);
    const laichauCommunes = await communesOf(laichau, "12");
    expect(seenInLaiChau.filter((s) => !laichauCommunes.has(s))).toEqual([]);
    expect(seenInLaiChau.filter((s) => hanoiCommunes.has(s))).toEqual([]);

    // read: the count goes to zero, and stays there until something new happens
    await hanoi.getByRole("button", { name: "Đánh dấu đã xem" }).click();
    await hanoi.getByRole("button", { name: "Cảnh báo (0)" }).waitFor();
  });

  it("a user turns on alert emails and gets the next ones by email; a screen gets its own on-hours; the nation page counts dark screens", async () => {
    const hanoi = await (await signedInContext(browser, stack.webUrl, "hanoi@pulse.demo")).newPage();
    await hanoi.goto(`${stack.webUrl}/subscriptions`);
    const emails = hanoi.getByRole("region", { name: "Cảnh báo qua thư" });
    await emails.getByText("hanoi@pulse.demo").waitFor();
    await emails.getByLabel("Ngay khi có cảnh báo").check();
    await emails.getByRole("button", { name: "Lưu" }).click();
    await emails.getByText("Đã lưu.").waitFor();

    // the threshold goes down again: new alerts, and this time they are emailed (no SMTP here: .eml files)
    const admin = await signInForToken(stack.apiUrl, "admin@pulse.demo", DEMO_PASSWORD);
    await setSilentHours(admin, 6);
    const message = await waitForAlertEmail(stack.outboxDir);
    expect(message.to).toBe("hanoi@pulse.demo");
    expect(message.subject).toMatch(/^\[Commune Pulse\] Cảnh báo: \d+ mới, \d+ đã hết$/);
    expect(message.text).toContain(`${stack.webUrl}/province/01`);
    await hanoi.reload();
    await emails.getByText(/Đã báo qua thư: [1-9]/).waitFor();
    await hanoi.screenshot({ path: join(ARTIFACTS, "alert-emails-vi.png"), fullPage: true });

    // a ward's TV with its own hours
    const hanoiToken = await signInForToken(stack.apiUrl, "hanoi@pulse.demo", DEMO_PASSWORD);
    await trpc(hanoiToken, "kiosk.create", {
      name: "TV hội trường Cửa Nam",
      scope: { kind: "commune", code: "00082" },
    });
    await hanoi.goto(`${stack.webUrl}/kiosk`);
    const row = hanoi.locator('[data-screen="TV hội trường Cửa Nam"]');
    await row.getByText("Theo chiến dịch").waitFor();
    await row.getByRole("button", { name: "Đặt giờ" }).click();
    await row.getByLabel("Từ").fill("06:00");
    await row.getByLabel("Đến").fill("22:00");
    await row.getByRole("button", { name: "Lưu giờ" }).click();
    await row.getByText("06:00–22:00").waitFor();

    // the nation page, for an administrator: screens in use and dark, per province
    const nation = await (await signedInContext(browser, stack.webUrl, "admin@pulse.demo")).newPage();
    await nation.goto(`${stack.webUrl}/nation`);
    const hanoiFleet = nation.locator('[data-fleet] [data-province="01"]');
    await hanoiFleet.waitFor({ timeout: 20_000 });
    expect(await hanoiFleet.textContent()).toMatch(/^Thành phố Hà Nội1\d$/);
    await nation.locator("[data-fleet]").screenshot({ path: join(ARTIFACTS, "nation-fleet-vi.png") });
  });
});

/** The first alert email the server wrote to its outbox, parsed. */
async function waitForAlertEmail(outboxDir: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const files = existsSync(outboxDir) ? readdirSync(outboxDir).filter((f) => f.includes("-alerts-")) : [];
    const [first] = files.sort();
    if (first) {
      const mail = await simpleParser(readFileSync(join(outboxDir, first)));
      return {
        to: mail.to && "text" in mail.to ? mail.to.text : "",
        subject: mail.subject ?? "",
        text: mail.text ?? "",
      };
    }
    if (Date.now() > deadline) throw new Error(`no alert email in ${outboxDir}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
