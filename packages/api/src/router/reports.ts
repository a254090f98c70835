import { submitCountsReport } from "@pulse/db/queries";
import { countsReport } from "@pulse/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { publicProcedure } from "../trpc";

export const reportsRouter = {
  /** One counts report; acknowledged after commit, then the live hub is told. */
  submit: publicProcedure.input(countsReport).mutation(async ({ ctx, input }) => {
    const committed = await submitCountsReport(ctx.db, input);
    if (!committed.duplicate) ctx.live.reportCommitted(committed);
    return committed;
  }),
} satisfies TRPCRouterRecord;
