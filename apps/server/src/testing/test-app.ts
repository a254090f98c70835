import type { AddressInfo } from "node:net";
import type { DatabaseHandle } from "@pulse/db/client";
import type { CommittedReport } from "@pulse/db/ledger";
import type { Account } from "@pulse/schema";
import pino from "pino";
import { createApp, type App } from "../app";
import { signInForToken } from "../auth/sign-in-client";
import { createUser } from "../auth/users";
import type { PdfRendererSettings } from "../pdf/pdf-renderer";
import type { DeliverySettings } from "../subscriptions/deliveries";
import { DEFAULT_RATE_LIMITS, type RateLimitSettings } from "../auth/rate-limits";

/** The web origin the test server trusts (the tests play the browser). */
export const TEST_WEB_ORIGIN = "http://localhost:3000";
export const TEST_AUTH_SECRET = "test-secret-test-secret-test-secret-0123";

export interface TestApp {
  app: App;
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** reports the live hub was told of */
  committed: CommittedReport[];
  /** creates an account and signs it in: its bearer token */
  signedIn(account: Account): Promise<{ token: string; password: string; userId: string }>;
  close(): Promise<void>;
}

/** The whole server in this process over a test database, on a free port. */
export async function startTestApp(
  handle: DatabaseHandle,
  rateLimits: Partial<RateLimitSettings> = {},
  pdf?: PdfRendererSettings,
  maxImportBytes?: number,
  deliveries?: Omit<DeliverySettings, "database">,
  alertCheckMs?: number,
): Promise<TestApp> {
  const app = await createApp(handle.db, pino({ level: process.env.PULSE_TEST_LOG ?? "silent" }), {
    webOrigin: TEST_WEB_ORIGIN,
    authSecret: TEST_AUTH_SECRET,
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...rateLimits },
    appVersion: "test",
    pdf,
    maxImportBytes,
    deliveries: deliveries && { ...deliveries, database: handle },
    alertCheckMs,
  });
  const committed: CommittedReport[] = [];
  const { live } = app.services;
  const report = live.reportCommitted.bind(live);
  live.reportCommitted = (r) => {
    committed.push(r);
    report(r);
  };
  await new Promise<void>((resolve) => app.http.listen(0, "127.0.0.1", resolve));
  const { port } = app.http.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    url,
    port,
    committed,
    async signedIn(account) {
      const { userId, password } = await createUser(app.services.auth, handle.db, account, "test");
      return { token: await signInForToken(url, account.email, password), password, userId };
    },
    async close() {
      await app.stop();
      await new Promise((resolve) => app.http.close(resolve));
    },
  };
}
