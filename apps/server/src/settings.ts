import { env } from "./env";
import { DEFAULT_RATE_LIMITS } from "./auth/rate-limits";
import type { ServiceSettings } from "./services";

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
