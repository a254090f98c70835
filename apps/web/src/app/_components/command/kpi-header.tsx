"use client";

import type { UnitProgress } from "@pulse/api";
import { formatCount, formatRate, unitsByPace, type Locale, type UnitIndicators } from "@pulse/indicators";
import { useLocale, useTranslations } from "next-intl";

type Figures = Pick<UnitProgress, "eidL2Activated" | "eligible"> & { indicators: UnitIndicators };

/** The scope's headline figures: rate, activated, eligible, team coverage, pace, and units by pace. */
export function KpiHeader({ total, units }: { total: Figures; units?: UnitProgress[] }) {
  const t = useTranslations("command");
  const tStatus = useTranslations("status");
  const locale = useLocale() as Locale;
  const pace = total.indicators.pace;
  const by = unitsByPace(units ?? []);
  const items = [
    { label: t("kpi.rate"), value: formatRate(total.indicators.activationRate, locale), measure: "rate" },
    { label: t("kpi.activated"), value: formatCount(total.eidL2Activated, locale), measure: "activated" },
    { label: t("kpi.eligible"), value: formatCount(total.eligible, locale), measure: "eligible" },
    { label: t("kpi.teamCoverage"), value: formatRate(total.indicators.teamCoverage, locale), measure: "teamCoverage" },
    { label: t("kpi.pace"), value: tStatus(pace?.status ?? "none"), measure: "status" },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-kpi>
      {items.map((item) => (
        <div key={item.measure} className="rounded border border-slate-200 bg-white px-3 py-2">
          <dt className="text-sm text-slate-600">{item.label}</dt>
          <dd className="text-2xl font-bold tabular-nums" data-measure={item.measure}>
            {item.value}
          </dd>
        </div>
      ))}
      {units && (
        <div className="rounded border border-slate-200 bg-white px-3 py-2">
          <dt className="text-sm text-slate-600">{t("kpi.unitsByPace")}</dt>
          <dd className="text-base font-semibold">
            {t("kpi.units", { onTrack: by.on_track + by.done, behind: by.behind + by.at_risk })}
          </dd>
        </div>
      )}
    </dl>
  );
}
