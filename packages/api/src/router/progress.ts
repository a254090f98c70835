import { getCommunesProgress, getProvinceName, listCommuneProgress, listProvinceProgress } from "@pulse/db/queries";
import { hcmDay } from "@pulse/indicators";
import { communeCode, provinceCode } from "@pulse/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { communeScope, nationScope, provinceScope } from "../access/rules";
import { totalOf, withIndicators } from "../progress-view";
import { authorize, signedInProcedure } from "../trpc";
import { activeCampaign, visibleCampaigns } from "./campaign";

const campaignId = z.string().optional();

export const progressRouter = {
  /** The 34 provinces and the national total. */
  nation: signedInProcedure
    .input(z.object({ campaignId }).optional())
    .use(({ ctx, next }) => authorize(ctx, "read", [nationScope], next))
    .query(async ({ ctx, input }) => {
      const now = ctx.now();
      const campaign = await activeCampaign(ctx, input?.campaignId);
      const rows = await listProvinceProgress(ctx.db, { today: hcmDay(now) });
      return { campaign, total: totalOf(rows, campaign, now), provinces: withIndicators(rows, campaign, now) };
    }),

  /** Every commune of one province, and the province total. */
  province: signedInProcedure
    .input(z.object({ code: provinceCode, campaignId }))
    .use(({ ctx, input, next }) => authorize(ctx, "read", [provinceScope(input.code)], next))
    .query(async ({ ctx, input }) => {
      const now = ctx.now();
      const campaign = await activeCampaign(ctx, input.campaignId);
      const rows = await listCommuneProgress(ctx.db, { provinceCode: input.code, today: hcmDay(now) });
      const province = await getProvinceName(ctx.db, input.code);
      return { campaign, province, total: totalOf(rows, campaign, now), communes: withIndicators(rows, campaign, now) };
    }),

  /** Chosen communes only: what a live update re-reads. */
  communes: signedInProcedure
    .input(z.object({ codes: z.array(communeCode).max(200), campaignId }))
    .use(({ ctx, input, next }) => authorize(ctx, "read", input.codes.map(communeScope), next))
    .query(async ({ ctx, input }) => {
      const now = ctx.now();
      const campaign = await activeCampaign(ctx, input.campaignId);
      const rows = await getCommunesProgress(ctx.db, { communeCodes: input.codes, today: hcmDay(now) });
      return withIndicators(rows, campaign, now);
    }),

  /** The campaigns over or within the asker's scope. */
  campaigns: signedInProcedure.query(({ ctx }) => visibleCampaigns(ctx)),
} satisfies TRPCRouterRecord;
