import { correctReport, listRecentReports, submitCountsReport, submitReports } from "@pulse/db/queries";
import { correctionReport, countsReport, reportBatch, scope } from "@pulse/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { asIngestErrors } from "../errors";
import { publicProcedure } from "../trpc";

/** Reports are acknowledged after commit; the live hub is told then, and only of new ones. */
export const reportsRouter = {
  submit: publicProcedure.input(countsReport).mutation(async ({ ctx, input }) => {
    const receipt = await asIngestErrors(() => submitCountsReport(ctx.db, input));
    if (!receipt.duplicate) ctx.live.reportCommitted(receipt);
    return receipt;
  }),

  /** Up to 1,000 reports, all or nothing. */
  submitBatch: publicProcedure.input(reportBatch).mutation(async ({ ctx, input }) => {
    const receipts = await asIngestErrors(() => submitReports(ctx.db, input));
    for (const receipt of receipts) if (!receipt.duplicate) ctx.live.reportCommitted(receipt);
    return receipts;
  }),

  correct: publicProcedure.input(correctionReport).mutation(async ({ ctx, input }) => {
    const receipt = await asIngestErrors(() => correctReport(ctx.db, input));
    if (!receipt.duplicate) ctx.live.reportCommitted(receipt);
    return receipt;
  }),

  recent: publicProcedure
    .input(z.object({ scope, limit: z.number().int().min(1).max(500).default(50) }))
    .query(({ ctx, input }) => listRecentReports(ctx.db, input)),
} satisfies TRPCRouterRecord;
