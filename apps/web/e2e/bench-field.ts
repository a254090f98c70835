/**
 * `npm run bench:field`: the reporting page on a phone. Prints the page's JavaScript (gzipped, as
 * served, with its largest scripts; apart, what it loads later by itself; and what else a first
 * visit fetches by type), the time to interactive on a first visit over "Slow 3G" (CDP: 400 ms,
 * 500 kb/s) and on a repeat visit offline, and how long BENCH_QUEUED (1,000) reports queued offline on one phone
 * take to be recorded once online — with the server's CPU and memory over that sync. Nothing asserted.
 */
import type { BrowserContext, Page } from "playwright-core";
import { z } from "zod";
import { processUsage } from "../../server/src/testing/process-usage";
import { launchBrowser, signedInContext, startStack } from "./support/stack";

const { BENCH_QUEUED } = z
  .object({ BENCH_QUEUED: z.coerce.number().int().positive().default(1000) })
  .parse(process.env);

const SLOW_3G = {
  offline: false,
  latency: 400,
  downloadThroughput: (500 * 1024) / 8,
  uploadThroughput: (500 * 1024) / 8,
};
const PHONE = { width: 360, height: 640 };

/** Until the form works: hydrated (its submit button enabled) and the outbox read from storage. */
async function untilInteractive(page: Page): Promise<void> {
  await page.locator('form button[type="submit"]:not([disabled])').waitFor({ timeout: 120_000 });
}

/**
 * What a first visit fetched, by resource type, each file with its bytes over the wire
 * (compressed): until the form works, and for 3 s more. Scripts are split by who asked for them:
 * the document (the page's own scripts, what it needs to become interactive) or a script (loaded
 * later: the schemas for checking, the service-worker helper).
 */
async function fetchedBytes(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const requests = new Map<string, { type: string; path: string }>();
  const byType = new Map<string, Map<string, number>>();
  const lateScripts = new Set<string>();
  cdp.on("Network.requestWillBeSent", (e) => {
    if (e.type === "Script" && e.initiator.type === "script") lateScripts.add(new URL(e.request.url).pathname);
  });
  cdp.on("Network.responseReceived", (e) =>
    requests.set(e.requestId, { type: e.type, path: new URL(e.response.url).pathname }),
  );
  cdp.on("Network.loadingFinished", (e) => {
    const request = requests.get(e.requestId);
    if (!request) return;
    const type = request.type === "Script" && lateScripts.has(request.path) ? "Script loaded later" : request.type;
    const files = byType.get(type) ?? new Map<string, number>();
    files.set(request.path, e.encodedDataLength);
    byType.set(type, files);
  });
  await page.goto(url);
  await untilInteractive(page);
  await page.waitForTimeout(3_000);
  await page.close();
  return byType;
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
const sum = (files: Map<string, number> | undefined) =>
  [...(files ?? new Map<string, number>()).values()].reduce((a, b) => a + b, 0);

/** Puts `count` reports straight into the phone's outbox, as if entered offline one by one. */
async function queueReports(page: Page, count: number): Promise<void> {
  await page.evaluate(async (n) => {
    const open = indexedDB.open("pulse-field");
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction("outbox", "readwrite");
    const now = Date.now();
    for (let i = 0; i < n; i++) {
      const key = crypto.randomUUID();
      tx.objectStore("outbox").put({
        key,
        report: {
          idempotencyKey: key,
          communeCode: "00082",
          villageCode: `00082-00${1 + (i % 5)}`,
          asOf: new Date(now - 60_000),
          reporter: "Tổ đo hiệu năng",
          source: "field",
          mode: "increment",
          counters: { householdsVisited: 1 },
        },
        createdAt: now + i,
        state: "waiting",
        attempts: 0,
        nextAttemptAt: 0,
      });
    }
    await new Promise((resolve) => (tx.oncomplete = resolve));
  }, count);
}

const recordedCount = (page: Page) =>
  page.evaluate(async () => {
    const open = indexedDB.open("pulse-field");
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const all = await new Promise<{ state: string }[]>((resolve) => {
      const request = db.transaction("outbox").objectStore("outbox").getAll();
      request.onsuccess = () => resolve(request.result as { state: string }[]);
    });
    db.close();
    return all.filter((e) => e.state === "recorded").length;
  });

const stack = await startStack({ apiPort: 3271, webPort: 3270 });
const browser = await launchBrowser();
try {
  const reportUrl = `${stack.webUrl}/report`;
  const phone = await signedInContext(browser, stack.webUrl, "totruong.cuanam@pulse.demo", PHONE);
  const fetched = await fetchedBytes(phone, reportUrl);
  const scripts = fetched.get("Script") ?? new Map<string, number>();
  const jsKb = sum(scripts) / 1024;
  const lateJsKb = sum(fetched.get("Script loaded later")) / 1024;
  const largest = [...scripts].sort((a, b) => b[1] - a[1]).slice(0, 12);
  console.log(
    "the page's largest scripts (KB gzipped):",
    largest.map(([path, n]) => `${path} ${kb(n)}`),
  );
  console.log(
    "first visit (until the form works, and 3 s more), KB over the wire by type:",
    Object.fromEntries([...fetched].map(([type, files]) => [type, `${kb(sum(files))} (${files.size} files)`])),
  );

  const slow = await signedInContext(browser, stack.webUrl, "totruong.cuanam@pulse.demo", PHONE);
  const slowPage = await slow.newPage();
  const cdp = await slow.newCDPSession(slowPage);
  await cdp.send("Network.enable");
  // A first visit: nothing cached from signing in.
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", SLOW_3G);
  let started = Date.now();
  await slowPage.goto(reportUrl);
  await untilInteractive(slowPage);
  const slow3gMs = Date.now() - started;
  await slow.close();

  // As in the browser test: a visit online, the worker active with the page kept, then offline.
  const offline = await signedInContext(browser, stack.webUrl, "totruong.cuanam@pulse.demo", PHONE);
  const page = await offline.newPage();
  await page.goto(reportUrl);
  await untilInteractive(page);
  await page.waitForFunction(
    async () => !!(await navigator.serviceWorker.getRegistration())?.active && !!(await caches.match("/report")),
    undefined,
    { timeout: 60_000 },
  );
  // The 5 s network-first window of the page's first fetch by the worker has passed.
  await page.waitForTimeout(6_000);
  await offline.setOffline(true);
  started = Date.now();
  await page.reload();
  await untilInteractive(page);
  const offlineRepeatMs = Date.now() - started;

  await queueReports(page, BENCH_QUEUED);
  await page.reload();
  await untilInteractive(page);
  const before = processUsage(stack.pids().server);
  started = Date.now();
  await offline.setOffline(false);
  while ((await recordedCount(page)) < BENCH_QUEUED) await page.waitForTimeout(250);
  const syncSeconds = (Date.now() - started) / 1000;
  const after = processUsage(stack.pids().server);
  console.log({
    reportPageJsKbGzip: Math.round(jsKb * 10) / 10,
    loadedLaterJsKbGzip: Math.round(lateJsKb * 10) / 10,
    firstVisitSlow3gInteractiveMs: slow3gMs,
    repeatVisitOfflineInteractiveMs: offlineRepeatMs,
    queued: BENCH_QUEUED,
    syncSeconds: Math.round(syncSeconds * 10) / 10,
    serverCpuSecondsDuringSync: Math.round((after.cpuSeconds - before.cpuSeconds) * 10) / 10,
    serverRssMb: Math.round(after.rssMb),
  });
} finally {
  await browser.close();
  await stack.stop();
}
