/**
 * `npm run bench:command`: is the province page smooth under live updates in the largest
 * provinces? For Hà Nội (126 communes) and Lâm Đồng (124), a signed-in province page in headless
 * Chromium (1440×900, sorted by rate) receives BENCH_REPORTS (200) reports over BENCH_SECONDS (20)
 * spread over its communes; it prints the main thread's long tasks (> 50 ms) while they arrive,
 * and how long a sort by another column takes. Nothing asserted.
 */
import { z } from "zod";
import { DEMO_PASSWORD } from "../../server/src/auth/demo-accounts";
import { signInForToken } from "../../server/src/auth/sign-in-client";
import { increment, launchBrowser, signedInContext, startStack } from "./support/stack";

const { BENCH_REPORTS, BENCH_SECONDS } = z
  .object({
    BENCH_REPORTS: z.coerce.number().int().positive().default(200),
    BENCH_SECONDS: z.coerce.number().positive().default(20),
  })
  .parse(process.env);

const stack = await startStack({ apiPort: 3261, webPort: 3260 });
const browser = await launchBrowser();
try {
  const token = await signInForToken(stack.apiUrl, "admin@pulse.demo", DEMO_PASSWORD);
  const context = await signedInContext(browser, stack.webUrl, "admin@pulse.demo");
  for (const province of ["01", "68"]) {
    const page = await context.newPage();
    await page.goto(`${stack.webUrl}/province/${province}`);
    await page.locator("[data-unit-table] tbody tr").first().waitFor();
    await page.locator("[data-map] [data-map-unit]").first().waitFor();
    const communes = await page
      .locator("[data-unit-table] tbody tr")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-unit") ?? ""));
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({
        type: "longtask",
      });
    });
    const started = Date.now();
    for (let i = 0; i < BENCH_REPORTS; i++) {
      const body = { json: increment(communes[i % communes.length] ?? "", { eidL2Activated: 1 + (i % 7) }) };
      await fetch(`${stack.apiUrl}/trpc/reports.submit`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      const due = started + ((i + 1) * BENCH_SECONDS * 1000) / BENCH_REPORTS;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
    }
    await page.waitForTimeout(1_000);
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    const sortStarted = Date.now();
    await page.locator('button[data-sort="activated"]').click();
    await page.locator('th[aria-sort] button[data-sort="activated"]').waitFor();
    const sortMs = Date.now() - sortStarted;
    console.log({
      province,
      communes: communes.length,
      reports: BENCH_REPORTS,
      seconds: BENCH_SECONDS,
      longTasks: longTasks.length,
      longestTaskMs: Math.round(Math.max(0, ...longTasks)),
      longTaskMsPerSecond: Math.round(longTasks.reduce((a, b) => a + b, 0) / BENCH_SECONDS),
      sortByColumnMs: sortMs,
    });
    await page.close();
  }
} finally {
  await browser.close();
  await stack.stop();
}
