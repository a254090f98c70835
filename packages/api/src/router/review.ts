import { listHeldReports } from "@pulse/db/queries";
import { scope } from "@pulse/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { decideReview } from "../ingest/service";
import { authorize, signedInProcedure } from "../trpc";

/** Reports held as probable typos: listed for the commune and province users who decide them. */
export const reviewRouter = {
  held: signedInProcedure
    .input(z.object({ scope, limit: z.number().int().min(1).max(500).default(100) }))
    .use(({ ctx, input, next }) => authorize(ctx, "review", [input.scope], next))
    .query(({ ctx, input }) => listHeldReports(ctx.db, input)),

  /** Approve (the report counts, once) or reject (it never does); audited. */
  decide: signedInProcedure
    .input(z.object({ reportId: z.number().int().positive(), decision: z.enum(["approve", "reject"]) }))
    .mutation(({ ctx, input }) => decideReview(ctx, input)),
} satisfies TRPCRouterRecord;
