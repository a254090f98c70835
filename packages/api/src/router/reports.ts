import {
  correctReport,
  listRecentReports,
  submitBaselineChange,
  submitCountsReport,
  submitReports,
  submitTeamChange,
  type CommittedReport,
} from "@pulse/db/queries";
import { baselineChange, correctionReport, countsReport, reportBatch, scope, teamChange } from "@pulse/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { asIngestErrors } from "../errors";
import type { LivePublisher } from "../live";
import { publicProcedure } from "../trpc";

/** Writes, then tells the live hub of what is new; errors become ones a client can act on. */
async function acknowledged(live: LivePublisher, write: () => Promise<CommittedReport>): Promise<CommittedReport> {
  const receipt = await asIngestErrors(write);
  if (!receipt.duplicate) live.reportCommitted(receipt);
  return receipt;
}

/** Reports are acknowledged after commit; the live hub is told then, and only of new ones. */
export const reportsRouter = {
  submit: publicProcedure
    .input(countsReport)
    .mutation(({ ctx, input }) => acknowledged(ctx.live, () => submitCountsReport(ctx.db, input))),

  /** Up to 1,000 reports, all or nothing. */
  submitBatch: publicProcedure.input(reportBatch).mutation(async ({ ctx, input }) => {
    const receipts = await asIngestErrors(() => submitReports(ctx.db, input));
    for (const receipt of receipts) if (!receipt.duplicate) ctx.live.reportCommitted(receipt);
    return receipts;
  }),

  correct: publicProcedure
    .input(correctionReport)
    .mutation(({ ctx, input }) => acknowledged(ctx.live, () => correctReport(ctx.db, input))),

  /** A team formed or disbanded, or support staff set: through the ledger like counts. */
  teamChange: publicProcedure
    .input(teamChange)
    .mutation(({ ctx, input }) => acknowledged(ctx.live, () => submitTeamChange(ctx.db, input))),

  /** A commune's eligible population as of a date. */
  baseline: publicProcedure
    .input(baselineChange)
    .mutation(({ ctx, input }) => acknowledged(ctx.live, () => submitBaselineChange(ctx.db, input))),

  recent: publicProcedure
    .input(z.object({ scope, limit: z.number().int().min(1).max(500).default(50) }))
    .query(({ ctx, input }) => listRecentReports(ctx.db, input)),
} satisfies TRPCRouterRecord;
