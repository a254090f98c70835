/**
 * `npm run soak:wall`: a TV left on a wall playlist (a commune, its province, the nation; 20 s
 * each) for SOAK_MINUTES (30) with the demo feed reporting every 1.5 s, in headless Chromium.
 * Once per rotation, on the commune's wall, it collects garbage and prints the JS heap, DOM nodes
 * and event listeners: flat figures mean nothing piles up. Not part of `npm test`; nothing asserted.
 */
import { randomUUID } from "node:crypto";
import superjson from "superjson";
import { z } from "zod";
import { DEMO_PASSWORD } from "../../server/src/auth/demo-accounts";
import { signInForToken } from "../../server/src/auth/sign-in-client";
import { launchBrowser, startStack } from "./support/stack";

const { SOAK_MINUTES } = z.object({ SOAK_MINUTES: z.coerce.number().positive().default(30) }).parse(process.env);

const stack = await startStack({ apiPort: 3251, webPort: 3250, demoFeedMs: 1_500 });
const browser = await launchBrowser();
try {
  const token = await signInForToken(stack.apiUrl, "admin@pulse.demo", DEMO_PASSWORD);
  const created = await fetch(`${stack.apiUrl}/trpc/kiosk.create`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(superjson.serialize({ name: `soak ${randomUUID()}`, scope: { kind: "nation" } })),
  });
  const { secret } = superjson.deserialize<{ secret: string }>(
    ((await created.json()) as { result: { data: never } }).result.data,
  );
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(`${stack.webUrl}/?token=${secret}`);
  await page.goto(`${stack.webUrl}/wall/playlist?views=commune:00082,province:01,nation&every=20`);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  const started = Date.now();
  const samples: { minute: number; heapMb: number; nodes: number; listeners: number }[] = [];
  while (Date.now() - started < SOAK_MINUTES * 60_000) {
    // The start of a rotation: the commune's wall, settled.
    await page.locator('[data-playlist-index="1"]').waitFor({ timeout: 120_000 });
    await page.locator('[data-playlist-index="0"] [data-measure="rate"]').waitFor({ timeout: 120_000 });
    await page.waitForTimeout(3_000);
    await cdp.send("HeapProfiler.collectGarbage");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    const sample = {
      minute: Math.round((Date.now() - started) / 6_000) / 10,
      heapMb: Math.round((metric("JSHeapUsedSize") / 1024 / 1024) * 10) / 10,
      nodes: metric("Nodes"),
      listeners: metric("JSEventListeners"),
    };
    samples.push(sample);
    console.log(sample);
  }
  const first = samples[1] ?? samples[0];
  const last = samples.at(-1);
  if (first && last)
    console.log({
      minutes: SOAK_MINUTES,
      rotations: samples.length,
      heapMb: `${first.heapMb} → ${last.heapMb}`,
      nodes: `${first.nodes} → ${last.nodes}`,
      listeners: `${first.listeners} → ${last.listeners}`,
    });
} finally {
  await browser.close();
  await stack.stop();
}
