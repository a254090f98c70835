import { auditRouter } from "./router/audit";
import { authRouter } from "./router/auth";
import { kioskRouter } from "./router/kiosk";
import { progressRouter } from "./router/progress";
import { reportsRouter } from "./router/reports";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  audit: auditRouter,
  auth: authRouter,
  kiosk: kioskRouter,
  progress: progressRouter,
  reports: reportsRouter,
});

export type AppRouter = typeof appRouter;
