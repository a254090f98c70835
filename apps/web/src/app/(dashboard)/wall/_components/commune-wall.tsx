"use client";

import { useTranslations } from "next-intl";
import { nameIn } from "@pulse/messages/names";
import { useLiveProgress } from "../../../../live/use-live-progress";
import { ActivityTicker } from "./activity-ticker";
import { Freshness } from "./freshness";
import { Kpi } from "./kpi";
import { PaceSummary } from "./pace-summary";
import { Sparkline } from "./sparkline";
import { useCommuneDetail } from "../../../../live/use-commune-detail";
import { VillageList } from "./village-list";
import { WallFrame } from "./wall-frame";
import { WallMessage } from "./wall-message";
import { useWallFormat } from "./wall-format";

const BEHIND_SHOWN = 6;
const BEST_SHOWN = 3;

/** A commune's wall: the activation rate huge, the day's and week's work, pace, villages, activity. */
export function CommuneWall({ code }: { code: string }) {
  const t = useTranslations("wall");
  const { count, rate, name, locale } = useWallFormat();
  const { commune } = useLiveProgress({ kind: "commune", code });
  const detail = useCommuneDetail(code);
  const unit = commune.data?.[0];
  if (!unit || !detail.data) return <WallMessage failed={commune.isError || detail.isError} />;
  const { indicators } = unit;
  const { campaign, villages, series, activatedToday } = detail.data;
  const best = villages
    .slice(-BEST_SHOWN)
    .reverse()
    .filter((v) => !villages.slice(0, BEHIND_SHOWN).includes(v));
  return (
    <WallFrame
      title={name(unit)}
      subtitle={campaign ? nameIn(campaign, locale) : undefined}
      isDemo={unit.isDemo}
      footer={
        <div className="space-y-[0.4em]">
          <ActivityTicker view={{ kind: "commune", code }} />
          <Freshness lastReportAt={unit.lastReportAt} reported={unit.villagesReported} total={unit.villagesTotal} />
        </div>
      }
    >
      <div className="grid h-full grid-cols-[34fr_33fr_33fr] gap-[2em]">
        <section className="flex min-w-0 flex-col justify-center gap-[1em]">
          <p className="text-[1.6em] text-slate-300">{t("activationRate")}</p>
          <p data-measure="rate" className="text-[8em] leading-[0.95] font-bold tracking-tight tabular-nums">
            {rate(indicators.activationRate)}
          </p>
          <p className="text-[1.6em] text-slate-200 tabular-nums">
            {t("activatedOfEligible", { activated: count(unit.eidL2Activated), eligible: count(unit.eligible) })}
          </p>
          {indicators.overEligible && <p className="text-[1.3em] text-red-400">⚠ {t("overEligible")}</p>}
          <PaceSummary pace={indicators.pace} deadline={campaign?.deadline ?? null} />
        </section>
        <section className="grid min-h-0 min-w-0 grid-rows-[auto_1fr] gap-[1em]">
          <div className="grid grid-cols-2 gap-[1em]">
            <Kpi
              label={t("today")}
              value={<span data-measure="today">{count(activatedToday)}</span>}
              tone="text-emerald-300"
            />
            <Kpi label={t("thisWeek")} value={count(unit.activatedLast7Days)} />
            <Kpi label={t("eligible")} value={count(unit.eligible)} />
            <Kpi
              label={t("registeredVsActivated")}
              value={count(unit.eidL2Registered)}
              note={t("activatedNote", { activated: count(unit.eidL2Activated) })}
            />
            <Kpi
              label={t("teamCoverage")}
              value={rate(indicators.teamCoverage)}
              note={t("teamCoverageValue", {
                withTeam: count(unit.villagesWithTeam),
                total: count(unit.villagesTotal),
              })}
            />
            <Kpi
              label={t("supportStaff")}
              value={count(unit.supportStaff)}
              note={indicators.supportStaffFlagged ? t("supportStaffLow") : undefined}
              tone={indicators.supportStaffFlagged ? "text-amber-300" : undefined}
            />
          </div>
          <Sparkline series={series} />
        </section>
        <section className="flex min-w-0 flex-col gap-[1.2em]">
          <VillageList title={t("villagesBehind")} villages={villages.slice(0, BEHIND_SHOWN)} />
          {best.length > 0 && <VillageList title={t("villagesBest")} villages={best} />}
        </section>
      </div>
    </WallFrame>
  );
}
