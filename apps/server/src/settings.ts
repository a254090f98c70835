import { env } from "./env";
import { DEFAULT_RATE_LIMITS } from "./auth/rate-limits";
import type { DatabaseHandle } from "@pulse/db/client";
import type { ServiceSettings } from "./services";
import type { DeliverySettings } from "./subscriptions/deliveries";

/** The service settings this process was configured with. */
export const serviceSettings: ServiceSettings = {
  webOrigin: env.WEB_ORIGIN,
  authSecret: env.AUTH_SECRET,
  trustProxy: env.TRUST_PROXY,
  pdf: { threads: env.PDF_THREADS, maxQueue: env.PDF_QUEUE, reuseSeconds: env.PDF_REUSE_SECONDS },
  rateLimits: {
    ...DEFAULT_RATE_LIMITS,
    signInPerAccount: env.SIGN_IN_ATTEMPTS_PER_ACCOUNT,
    ingestPerMinute: env.INGEST_REQUESTS_PER_MINUTE,
    exportsPerMinute: env.PDF_EXPORTS_PER_MINUTE,
  },
};

/** Scheduled reports: the queue in the product's database, SMTP or the outbox folder. */
export function deliverySettings(database: DatabaseHandle): DeliverySettings {
  return {
    database,
    mail: { smtpUrl: env.SMTP_URL, outboxDir: env.OUTBOX_DIR, from: env.MAIL_FROM },
    planEveryMs: env.DELIVERY_PLAN_SECONDS * 1000,
    retryLimit: env.DELIVERY_RETRIES,
    retryDelaySeconds: env.DELIVERY_RETRY_DELAY_SECONDS,
    leaseSeconds: env.DELIVERY_LEASE_SECONDS,
  };
}
