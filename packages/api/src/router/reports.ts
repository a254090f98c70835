import { listRecentReports } from "@pulse/db/queries";
import { baselineChange, correctionReport, countsReport, reportBatch, scope, teamChange } from "@pulse/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { submitBaseline, submitCorrection, submitReport, submitReportBatch, submitTeam } from "../ingest/service";
import { authorize, signedInProcedure } from "../trpc";

/** Reports go through the ingest service (which authorizes each one); acknowledged after commit. */
export const reportsRouter = {
  submit: signedInProcedure.input(countsReport).mutation(({ ctx, input }) => submitReport(ctx, input)),

  /** Up to 1,000 reports, all or nothing. */
  submitBatch: signedInProcedure.input(reportBatch).mutation(({ ctx, input }) => submitReportBatch(ctx, input)),

  /** Checked against the commune of the report it corrects; audited. */
  correct: signedInProcedure.input(correctionReport).mutation(({ ctx, input }) => submitCorrection(ctx, input)),

  /** A team formed or disbanded, or support staff set: through the ledger like counts. */
  teamChange: signedInProcedure.input(teamChange).mutation(({ ctx, input }) => submitTeam(ctx, input)),

  /** A commune's eligible population as of a date. */
  baseline: signedInProcedure.input(baselineChange).mutation(({ ctx, input }) => submitBaseline(ctx, input)),

  recent: signedInProcedure
    .input(z.object({ scope, limit: z.number().int().min(1).max(500).default(50) }))
    .use(({ ctx, input, next }) => authorize(ctx, "read", [input.scope], next))
    .query(({ ctx, input }) => listRecentReports(ctx.db, input)),
} satisfies TRPCRouterRecord;
