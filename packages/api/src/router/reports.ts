import { communeOfReport, listRecentReports, writeAudit } from "@pulse/db/queries";
import {
  correctReport,
  submitBaselineChange,
  submitCountsReport,
  submitReports,
  submitTeamChange,
  type CommittedReport,
} from "@pulse/db/ledger";
import { baselineChange, correctionReport, countsReport, reportBatch, scope, teamChange } from "@pulse/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { actorOf } from "../access/principal";
import { communeScope } from "../access/rules";
import { asIngestErrors } from "../errors";
import type { LivePublisher } from "../live";
import { authorize, signedInProcedure } from "../trpc";

/** Writes, then tells the live hub of what is new; errors become ones a client can act on. */
async function acknowledged(live: LivePublisher, write: () => Promise<CommittedReport>): Promise<CommittedReport> {
  const receipt = await asIngestErrors(write);
  if (!receipt.duplicate) live.reportCommitted(receipt);
  return receipt;
}

/** Reports are acknowledged after commit; the live hub is told then, and only of new ones. */
export const reportsRouter = {
  submit: signedInProcedure
    .input(countsReport)
    .use(({ ctx, input, next }) => authorize(ctx, "write", [communeScope(input.communeCode)], next))
    .mutation(({ ctx, input }) => acknowledged(ctx.live, () => submitCountsReport(ctx.db, input))),

  /** Up to 1,000 reports, all or nothing. */
  submitBatch: signedInProcedure
    .input(reportBatch)
    .use(({ ctx, input, next }) =>
      authorize(ctx, "write", [...new Set(input.map((r) => r.communeCode))].map(communeScope), next),
    )
    .mutation(async ({ ctx, input }) => {
      const receipts = await asIngestErrors(() => submitReports(ctx.db, input));
      for (const receipt of receipts) if (!receipt.duplicate) ctx.live.reportCommitted(receipt);
      return receipts;
    }),

  /** Checked against the commune of the report it corrects; audited. */
  correct: signedInProcedure
    .input(correctionReport)
    .use(async ({ ctx, input, next }) => {
      const commune = await communeOfReport(ctx.db, input.correctsReportId);
      return authorize(ctx, "write", commune ? [communeScope(commune)] : [], next);
    })
    .mutation(async ({ ctx, input }) => {
      const receipt = await acknowledged(ctx.live, () => correctReport(ctx.db, input));
      if (!receipt.duplicate) {
        await writeAudit(ctx.db, {
          actor: actorOf(ctx.principal),
          action: "report.correct",
          target: `report:${input.correctsReportId}`,
          ip: ctx.clientIp,
          details: { reportId: receipt.reportId, communeCode: receipt.communeCode, counters: input.counters },
        });
      }
      return receipt;
    }),

  /** A team formed or disbanded, or support staff set: through the ledger like counts. */
  teamChange: signedInProcedure
    .input(teamChange)
    .use(({ ctx, input, next }) => authorize(ctx, "write", [communeScope(input.communeCode)], next))
    .mutation(({ ctx, input }) => acknowledged(ctx.live, () => submitTeamChange(ctx.db, input))),

  /** A commune's eligible population as of a date. */
  baseline: signedInProcedure
    .input(baselineChange)
    .use(({ ctx, input, next }) => authorize(ctx, "write", [communeScope(input.communeCode)], next))
    .mutation(({ ctx, input }) => acknowledged(ctx.live, () => submitBaselineChange(ctx.db, input))),

  recent: signedInProcedure
    .input(z.object({ scope, limit: z.number().int().min(1).max(500).default(50) }))
    .use(({ ctx, input, next }) => authorize(ctx, "read", [input.scope], next))
    .query(({ ctx, input }) => listRecentReports(ctx.db, input)),
} satisfies TRPCRouterRecord;
