import {
  getCommunesProgress,
  getProvinceName,
  listCommuneProgress,
  listCommuneTeams,
  listDailyActivations,
  listProvinceProgress,
  listVillageProgress,
} from "@pulse/db/queries";
import { addDaysTo, campaignSeries, hcmDay } from "@pulse/indicators";
import { communeCode, provinceCode, scope, VALIDATION_MESSAGES } from "@pulse/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { communeScope, nationScope, provinceScope } from "../access/rules";
import { apiError } from "../errors";
import { rankVillages } from "../commune-detail";
import { totalOf, withIndicators, withIndicatorsOf } from "../progress-view";
import { authorize, signedInProcedure } from "../trpc";
import { activeCampaign, visibleCampaigns } from "./campaign";

const campaignId = z.string().optional();
const { unknownCommune } = VALIDATION_MESSAGES;

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

  /** Every commune of the country, grouped by province in code order: the annex of the nation's PDF. */
  allCommunes: signedInProcedure
    .input(z.object({ campaignId }).optional())
    .use(({ ctx, next }) => authorize(ctx, "read", [nationScope], next))
    .query(async ({ ctx, input }) => {
      const now = ctx.now();
      const campaign = await activeCampaign(ctx, input?.campaignId);
      const rows = withIndicators(await listCommuneProgress(ctx.db, { today: hcmDay(now) }), campaign, now);
      const byProvince = new Map<string, typeof rows>();
      for (const row of rows) {
        const code = ctx.provinceOf(row.code) ?? "";
        byProvince.set(code, [...(byProvince.get(code) ?? []), row]);
      }
      const provinces = [...byProvince].map(([code, communes]) => ({ code, communes }));
      return { campaign, provinces: provinces.sort((a, b) => a.code.localeCompare(b.code)) };
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

  /**
   * One commune in depth, for its wall and its page: its province, its villages ranked most behind first,
   * activations today, and the cumulative series over the campaign against the target line.
   */
  commune: signedInProcedure
    .input(z.object({ code: communeCode, campaignId }))
    .use(({ ctx, input, next }) => authorize(ctx, "read", [communeScope(input.code)], next))
    .query(async ({ ctx, input }) => {
      const now = ctx.now();
      const today = hcmDay(now);
      const campaign = await activeCampaign(ctx, input.campaignId);
      const from = campaign && campaign.startsOn < today ? campaign.startsOn : addDaysTo(today, -6);
      const [[row], villages, daily, province, teams] = await Promise.all([
        getCommunesProgress(ctx.db, { communeCodes: [input.code], today }),
        listVillageProgress(ctx.db, input.code),
        listDailyActivations(ctx.db, { scope: { kind: "commune", code: input.code }, from }),
        getProvinceName(ctx.db, ctx.provinceOf(input.code) ?? ""),
        listCommuneTeams(ctx.db, input.code),
      ]);
      if (!row) throw apiError("NOT_FOUND", unknownCommune);
      return {
        campaign,
        commune: withIndicatorsOf(row, campaign, now),
        province,
        activatedToday: daily.find((d) => d.day === today)?.activated ?? 0,
        series: campaign
          ? campaignSeries({ activated: row.eidL2Activated, eligible: row.eligible }, daily, campaign, today)
          : [],
        villages: rankVillages(villages),
        teams,
      };
    }),

  /** The cumulative activations of a commune, a province or the nation over a campaign, against its target line. */
  series: signedInProcedure
    .input(z.object({ scope, campaignId }))
    .use(({ ctx, input, next }) => authorize(ctx, "read", [input.scope], next))
    .query(async ({ ctx, input }) => {
      const now = ctx.now();
      const today = hcmDay(now);
      const campaign = await activeCampaign(ctx, input.campaignId);
      if (!campaign) return { campaign, series: [] };
      const { scope: where } = input;
      const [rows, daily] = await Promise.all([
        where.kind === "commune"
          ? getCommunesProgress(ctx.db, { communeCodes: [where.code], today })
          : listProvinceProgress(ctx.db, {
              today,
              provinceCodes: where.kind === "province" ? [where.code] : undefined,
            }),
        listDailyActivations(ctx.db, { scope: where, from: campaign.startsOn }),
      ]);
      const total = totalOf(rows, campaign, now);
      return {
        campaign,
        series: campaignSeries({ activated: total.eidL2Activated, eligible: total.eligible }, daily, campaign, today),
      };
    }),

  /** The campaigns over or within the asker's scope. */
  campaigns: signedInProcedure.query(({ ctx }) => visibleCampaigns(ctx)),
} satisfies TRPCRouterRecord;
