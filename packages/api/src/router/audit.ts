import { listAudit } from "@pulse/db/queries";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { nationScope } from "../access/rules";
import { authorize, signedInProcedure } from "../trpc";

export const auditRouter = {
  /** Newest first; national admins only. */
  list: signedInProcedure
    .input(z.object({ limit: z.number().int().min(1).max(1000).default(100), action: z.string().optional() }))
    .use(({ ctx, next }) => authorize(ctx, "admin", [nationScope], next))
    .query(({ ctx, input }) => listAudit(ctx.db, input)),
} satisfies TRPCRouterRecord;
