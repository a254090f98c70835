import { alertsRouter } from "./router/alerts";
import { auditRouter } from "./router/audit";
import { authRouter } from "./router/auth";
import { kioskRouter } from "./router/kiosk";
import { progressRouter } from "./router/progress";
import { reportsRouter } from "./router/reports";
import { reviewRouter } from "./router/review";
import { subscriptionsRouter } from "./router/subscriptions";
import type { Context } from "./context";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  alerts: alertsRouter,
  audit: auditRouter,
  auth: authRouter,
  kiosk: kioskRouter,
  progress: progressRouter,
  reports: reportsRouter,
  review: reviewRouter,
  subscriptions: subscriptionsRouter,
});

export type AppRouter = typeof appRouter;

/** The API called in-process as the given context's principal (the server's demo feed and PDFs, tests). */
export const createApiCaller = (context: Context) => createCallerFactory(appRouter)(context);
export type ApiCaller = ReturnType<typeof createApiCaller>;
