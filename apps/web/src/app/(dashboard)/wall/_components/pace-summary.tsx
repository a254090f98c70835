"use client";

import type { UnitIndicators } from "@pulse/indicators";
import { useTranslations } from "next-intl";
import { PACE_TONE, useWallFormat } from "./wall-format";

/**
 * Where a unit stands against its campaign, in words and colour: on track, at risk or behind;
 * the countdown; needed per day against the last 7 days; and the forecast date.
 */
export function PaceSummary({
  pace,
  deadline,
  compact = false,
}: {
  pace: UnitIndicators["pace"];
  deadline: string | null;
  compact?: boolean;
}) {
  const t = useTranslations();
  const { count, day } = useWallFormat();
  if (!pace || !deadline) return <p className="text-[1.4em] text-slate-400">{t("wall.noCampaign")}</p>;
  return (
    <div className="space-y-[0.4em]" data-pace={pace.status}>
      <p className={`${compact ? "text-[2.2em]" : "text-[3.2em]"} leading-tight font-bold ${PACE_TONE[pace.status]}`}>
        {t(`status.${pace.status}`)}
      </p>
      <p className="text-[1.4em] text-slate-200">
        {pace.daysLeft > 0
          ? t("wall.countdown", { days: pace.daysLeft, deadline: day(deadline) })
          : t("wall.deadlinePassed", { deadline: day(deadline) })}
      </p>
      <dl className="grid grid-cols-[auto_1fr] items-baseline gap-x-[1em] text-[1.3em]">
        <dt className="text-slate-400">{t("wall.requiredPerDay")}</dt>
        <dd className="text-[1.25em] font-semibold tabular-nums">
          {pace.requiredPerDay === null ? "—" : count(Math.ceil(pace.requiredPerDay))}
        </dd>
        <dt className="text-slate-400">{t("wall.currentPerDay")}</dt>
        <dd className="text-[1.25em] font-semibold tabular-nums">{count(Math.round(pace.currentPerDay))}</dd>
        <dt className="text-slate-400">{t("wall.forecast")}</dt>
        <dd className="text-[1.25em] font-semibold tabular-nums">
          {pace.forecast ? day(pace.forecast) : t("wall.forecastNever")}
        </dd>
      </dl>
    </div>
  );
}
