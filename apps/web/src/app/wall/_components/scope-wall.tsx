"use client";

import type { UnitProgress } from "@pulse/api";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { LiveView } from "../../../live/use-live-progress";
import { ActivityTicker } from "./activity-ticker";
import { ChoroplethMap } from "../../_components/choropleth-map";
import { Freshness } from "./freshness";
import { PaceSummary } from "./pace-summary";
import { RankedPages } from "./ranked-pages";
import { StatusCounts, UnitRanking, rankMostBehind } from "./unit-ranking";
import { WallFrame } from "./wall-frame";
import { useWallFormat } from "./wall-format";

type Total = Pick<
  UnitProgress,
  "eidL2Activated" | "eligible" | "indicators" | "lastReportAt" | "isDemo" | "villagesTotal"
> & { villagesReported?: number };

/** A ranking row's height in em (text 1.1em × 1.5 lines, padding, border, and a margin). */
const ROW_EM = 2.3;

/**
 * A province's or the nation's wall: the map coloured by rate, the total and its pace, how many
 * units are on track / at risk / behind, and every unit ranked most behind first (paged).
 */
export function ScopeWall({
  view,
  title,
  units,
  total,
  deadline,
  mapUrl,
  rankingTitle,
  countsTitle,
  subtitle,
}: {
  view: LiveView;
  title: string;
  subtitle?: string | undefined;
  units: UnitProgress[];
  total: Total;
  deadline: string | null;
  mapUrl: string;
  rankingTitle: string;
  countsTitle: string;
}) {
  const t = useTranslations("wall");
  const { count, rate } = useWallFormat();
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
        <ChoroplethMap url={mapUrl} rates={rates} theme="dark" className="h-full" />
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
          <StatusCounts units={units} title={countsTitle} />
          <section className="flex min-h-0 flex-col">
            <h2 className="mb-[0.3em] text-[1.2em] text-slate-300">{rankingTitle}</h2>
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
