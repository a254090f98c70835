"use client";

import { useTranslations } from "next-intl";
import { nameIn } from "@pulse/messages/names";
import type { ReactNode } from "react";
import { useLiveProgress, type LiveView } from "../../../../live/use-live-progress";
import { ActivityTicker } from "./activity-ticker";
import { ChoroplethMap, geoUrl } from "../../../_components/choropleth-map";
import { Freshness } from "./freshness";
import { PaceSummary } from "./pace-summary";
import { RankedPages } from "./ranked-pages";
import { StatusCounts, UnitRanking, rankMostBehind } from "./unit-ranking";
import { WallFrame } from "./wall-frame";
import { WallMessage } from "./wall-message";
import { useWallFormat } from "./wall-format";

/** A ranking row's height in em (text 1.1em × 1.5 lines, padding, border, and a margin). */
const ROW_EM = 2.3;

/**
 * A province's wall (its communes) or the nation's (its 34 provinces): the map coloured by rate,
 * the total and its pace, how many units are on track / at risk / behind, and every unit ranked
 * most behind first (paged).
 */
export function ScopeWall({ provinceCode }: { provinceCode: string | null }) {
  const t = useTranslations("wall");
  const { count, rate, name, locale } = useWallFormat();
  const view: LiveView = provinceCode ? { kind: "province", code: provinceCode } : { kind: "nation" };
  const { nation, province } = useLiveProgress(view);
  const data = provinceCode ? province.data : nation.data;
  if (!data) return <WallMessage failed={provinceCode ? province.isError : nation.isError} />;
  const units = "communes" in data ? data.communes : data.provinces;
  const { total, campaign } = data;
  const title = "province" in data ? (data.province ? name(data.province) : (provinceCode ?? "")) : t("nation");
  const subtitle = campaign ? nameIn(campaign, locale) : undefined;
  const deadline = campaign?.deadline ?? null;
  const rates = new Map(units.map((u) => [u.code, u.indicators.activationRate]));
  const reported = units.reduce((n, u) => n + u.villagesReported, 0);
  const footer: ReactNode = (
    <div className="space-y-[0.4em]">
      <ActivityTicker view={view} />
      <Freshness lastReportAt={total.lastReportAt} reported={reported} total={total.villagesTotal} />
    </div>
  );
  return (
    <WallFrame title={title} subtitle={subtitle} isDemo={total.isDemo} footer={footer}>
      <div className="grid h-full grid-cols-[38fr_62fr] gap-[2em]">
        <ChoroplethMap url={geoUrl(provinceCode)} rates={rates} theme="dark" className="h-full" />
        <div className="grid min-h-0 grid-rows-[auto_auto_1fr] gap-[1em]">
          <section className="grid grid-cols-[auto_1fr] items-end gap-[2em]">
            <div>
              <p className="text-[1.3em] text-slate-300">{t("activationRate")}</p>
              <p data-measure="rate" className="text-[6.5em] leading-[0.95] font-bold tabular-nums">
                {rate(total.indicators.activationRate)}
              </p>
              <p className="text-[1.3em] text-slate-200 tabular-nums">
                {t("activatedOfEligible", { activated: count(total.eidL2Activated), eligible: count(total.eligible) })}
              </p>
            </div>
            <PaceSummary pace={total.indicators.pace} deadline={deadline} compact />
          </section>
          <StatusCounts units={units} title={provinceCode ? t("statusCounts") : t("statusCountsNation")} />
          <section className="flex min-h-0 flex-col">
            <h2 className="mb-[0.3em] text-[1.2em] text-slate-300">
              {provinceCode ? t("communesRanked") : t("provincesRanked")}
            </h2>
            <div className="min-h-0 flex-1">
              <RankedPages items={rankMostBehind(units)} rowEm={ROW_EM} columns={2}>
                {(page, offset) => <UnitRanking units={page} offset={offset} columns={2} />}
              </RankedPages>
            </div>
          </section>
        </div>
      </div>
    </WallFrame>
  );
}
