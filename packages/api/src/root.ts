import { progressRouter } from "./router/progress";
import { reportsRouter } from "./router/reports";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  progress: progressRouter,
  reports: reportsRouter,
});

export type AppRouter = typeof appRouter;
