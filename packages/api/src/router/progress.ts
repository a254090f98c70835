import { getCommunesProgress, listCampaigns, listCommuneProgress, listProvinceProgress } from "@pulse/db/queries";
import { hcmDay } from "@pulse/indicators";
import { communeCode, provinceCode } from "@pulse/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { totalOf, withIndicators } from "../progress-view";
import { publicProcedure } from "../trpc";
import { activeCampaign } from "./campaign";

export const progressRouter = {
  /** The 34 provinces and the national total. */
  nation: publicProcedure
    .input(z.object({ campaignId: z.string().optional() }).optional())
    .query(async ({ ctx, input }) => {
      const now = ctx.now();
      const campaign = await activeCampaign(ctx.db, input?.campaignId);
      const rows = await listProvinceProgress(ctx.db, { today: hcmDay(now) });
      return { campaign, total: totalOf(rows, campaign, now), provinces: withIndicators(rows, campaign, now) };
    }),

  /** Every commune of one province, and the province total. */
  province: publicProcedure
    .input(z.object({ code: provinceCode, campaignId: z.string().optional() }))
    .query(async ({ ctx, input }) => {
      const now = ctx.now();
      const campaign = await activeCampaign(ctx.db, input.campaignId);
      const rows = await listCommuneProgress(ctx.db, { provinceCode: input.code, today: hcmDay(now) });
      return { campaign, total: totalOf(rows, campaign, now), communes: withIndicators(rows, campaign, now) };
    }),

  /** Chosen communes only: what a live update re-reads. */
  communes: publicProcedure
    .input(z.object({ codes: z.array(communeCode).max(200), campaignId: z.string().optional() }))
    .query(async ({ ctx, input }) => {
      const now = ctx.now();
      const campaign = await activeCampaign(ctx.db, input.campaignId);
      const rows = await getCommunesProgress(ctx.db, { communeCodes: input.codes, today: hcmDay(now) });
      return withIndicators(rows, campaign, now);
    }),

  campaigns: publicProcedure.query(({ ctx }) => listCampaigns(ctx.db)),
} satisfies TRPCRouterRecord;
