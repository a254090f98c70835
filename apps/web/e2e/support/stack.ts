import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { watchConsoles } from "./console-errors";
// Test harness only: the same helpers the server's own tests use, and the demo's accounts.
import { DEMO_PASSWORD } from "../../../server/src/auth/demo-accounts";
import { signInForToken } from "../../../server/src/auth/sign-in-client";
import { exited, runProcess as run, waitForHttp as waitFor } from "../../../server/src/testing/child-process";

const root = fileURLToPath(new URL("../../../../", import.meta.url));

export interface Stack {
  webUrl: string;
  apiUrl: string;
  /** where the server writes its messages as .eml files (no SMTP server is set) */
  outboxDir: string;
  /** the API server alone goes down (its data stays), as in a crash or a deploy… */
  stopServer(): Promise<void>;
  /** …and comes back on the same port and data */
  startServer(): Promise<void>;
  stop(): Promise<void>;
  /** the processes' ids, for benchmarks that print the server's CPU and memory */
  pids(): { server: number; web: number };
}

/**
 * The product as a user runs it: the server (embedded PGlite in a fresh folder, demo seed)
 * and the built web app, on their own ports. The web app must have been built (`next build`).
 */
export async function startStack({
  apiPort,
  webPort,
  demoFeedMs = 60_000,
  alertCheckSeconds = 60,
}: {
  apiPort: number;
  webPort: number;
  demoFeedMs?: number;
  /** how often the server checks the alert rules */
  alertCheckSeconds?: number;
}): Promise<Stack> {
  const dataDir = mkdtempSync(join(tmpdir(), "pulse-e2e-"));
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const webUrl = `http://localhost:${webPort}`;
  const outboxDir = join(dataDir, "outbox");
  const runServer = () =>
    run("server", join(root, "apps/server"), "node", ["--import", "tsx", "src/index.ts"], {
      PORT: String(apiPort),
      PGLITE_DIR: dataDir,
      // no SMTP_URL: scheduled reports are written here as .eml files (and listed on /subscriptions)
      OUTBOX_DIR: outboxDir,
      DELIVERY_PLAN_SECONDS: "2",
      ALERT_CHECK_SECONDS: String(alertCheckSeconds),
      WEB_ORIGIN: webUrl,
      PULSE_DEMO: "true",
      DEMO_FEED_INTERVAL_MS: String(demoFeedMs),
      LOG_LEVEL: "warn",
      // As `npm start` runs it (vitest sets NODE_ENV=test, under which libraries relax checks).
      NODE_ENV: "production",
    });
  let server = runServer();
  const web = run(
    "web",
    join(root, "apps/web"),
    "node",
    [join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(webPort)],
    {
      PULSE_API_URL: apiUrl,
      PULSE_LIVE_PORT: String(apiPort),
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    },
  );
  const stop = async () => {
    for (const child of [web, server]) child.kill("SIGTERM");
    await Promise.all([web, server].map(exited));
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitFor(`${apiUrl}/healthz`, 120_000, server, "server");
    await waitFor(webUrl, 60_000, web, "web");
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    webUrl,
    apiUrl,
    outboxDir,
    stop,
    pids: () => ({ server: server.pid ?? 0, web: web.pid ?? 0 }),
    async stopServer() {
      server.kill("SIGTERM");
      await exited(server);
    },
    async startServer() {
      server = runServer();
      await waitFor(`${apiUrl}/healthz`, 120_000, server, "server");
    },
  };
}

/** Chromium as the tests drive it; every page's console errors fail the test that opened it. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return watchConsoles(browser);
}

/** Screenshots land here for people to look at (CI keeps them as artifacts). */
export const ARTIFACTS = join(root, "artifacts");

/**
 * Waits until the page's forms work (their submit buttons are enabled once React has hydrated):
 * typing into server-rendered fields before that can be undone by hydration.
 */
export async function interactive(page: Page): Promise<void> {
  await page.locator('button[type="submit"]:not([disabled])').first().waitFor();
}

/** Signs in through the sign-in page as one of the demo accounts, as a person does. */
export async function signIn(page: Page, webUrl: string, email: string, next = "/"): Promise<void> {
  await page.goto(`${webUrl}/sign-in?next=${encodeURIComponent(next)}`);
  await interactive(page);
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/** A browser profile signed in as a demo account: its pages share the session cookie. */
export async function signedInContext(
  browser: Browser,
  webUrl: string,
  email: string,
  viewport = { width: 1440, height: 900 },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signIn(page, webUrl, email);
  await page.close();
  return context;
}

/** A field team's report adding to a commune's (or one of its villages') counters, now. */
export function increment(communeCode: string, counters: Record<string, number>, villageCode?: string) {
  return {
    idempotencyKey: randomUUID(),
    communeCode,
    ...(villageCode ? { villageCode } : {}),
    asOf: new Date().toISOString(),
    reporter: "Công an phường Cửa Nam",
    source: "api",
    mode: "increment",
    counters,
  };
}

/** Submits a report the way another system would: tRPC over HTTP, signed in as a demo account. */
export async function submitReport(
  apiUrl: string,
  report: Record<string, unknown>,
  email = "admin@pulse.demo",
): Promise<unknown> {
  const token = await signInForToken(apiUrl, email, DEMO_PASSWORD);
  const response = await fetch(`${apiUrl}/trpc/reports.submit`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ json: report }),
  });
  if (!response.ok) throw new Error(`submit failed: ${response.status} ${await response.text()}`);
  return response.json();
}
