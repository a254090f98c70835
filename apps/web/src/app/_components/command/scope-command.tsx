"use client";

import type { UnitProgress } from "@pulse/api";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { useLiveProgress } from "../../../live/use-live-progress";
import { useTRPC } from "../../../trpc/react";
import { ChoroplethMap, geoUrl } from "../choropleth-map";
import { CumulativeChart, UnitBarChart } from "./charts";
import { Filters } from "./filters";
import { matchesQuery } from "./fold";
import { KpiHeader } from "./kpi-header";
import { PageTitle } from "./page-title";
import { UnitTable } from "./unit-table";
import { useViewParams } from "./use-view-params";

/**
 * Provincial command's view of the nation (its provinces) or of a province (its communes): KPIs,
 * the sortable and filterable table, rate and team-coverage charts, the cumulative series against
 * the target, and the choropleth; all live, and all addressable (filters and sort in the URL).
 */
export function ScopeCommand({ provinceCode }: { provinceCode: string | null }) {
  const t = useTranslations("command");
  const locale = useLocale();
  const trpc = useTRPC();
  const view = useViewParams();
  const tableId = useId();
  const { nation, province } = useLiveProgress(
    provinceCode ? { kind: "province", code: provinceCode } : { kind: "nation" },
    view.campaignId,
  );
  // A daily series: refreshed each minute rather than on every push.
  const series = useQuery({
    ...trpc.progress.series.queryOptions({
      scope: provinceCode ? { kind: "province", code: provinceCode } : { kind: "nation" },
      campaignId: view.campaignId,
    }),
    refetchInterval: 60_000,
  });
  const data = provinceCode ? province.data : nation.data;
  const failed = provinceCode ? province.isError : nation.isError;
  if (!data) return <p role="status">{failed ? t("notFound") : "…"}</p>;
  const units: UnitProgress[] = "communes" in data ? data.communes : data.provinces;
  const title =
    "province" in data && data.province
      ? locale === "vi"
        ? data.province.fullName
        : data.province.fullNameEn
      : t("nation");
  const shown = units.filter(
    (u) =>
      (!view.kind || u.kind === view.kind) &&
      (!view.status || u.indicators.pace?.status === view.status) &&
      (!view.query || matchesQuery(`${u.fullName} ${u.fullNameEn}`, view.query)),
  );
  const hrefOf = (code: string) => (provinceCode ? `/commune/${code}` : `/province/${code}`);
  const kinds = [...new Set(units.map((u) => u.kind))].sort();
  return (
    <div className="space-y-4">
      <PageTitle
        title={title}
        trail={[
          { name: t("nation"), href: "/nation" },
          ...(provinceCode ? [{ name: title, href: `/province/${provinceCode}` }] : []),
        ]}
      />
      <KpiHeader total={data.total} units={units} />
      <Filters view={view} kinds={kinds} />
      <section className="min-w-0 space-y-2" aria-labelledby={`${tableId}-title`}>
        <h2 id={`${tableId}-title`} className="text-lg font-semibold">
          {provinceCode ? t("communes") : t("provinces")}{" "}
          <span className="text-sm font-normal text-slate-600">
            {t("filters.shown", { shown: shown.length, total: units.length })}
          </span>
        </h2>
        <div id={tableId}>
          {shown.length === 0 ? (
            <p>{t("filters.none")}</p>
          ) : (
            <UnitTable
              units={shown}
              caption={t("tableCaption", { units: provinceCode ? t("communes") : t("provinces") })}
              sorting={view.sorting}
              onSortingChange={view.setSorting}
              hrefOf={(u) => hrefOf(u.code)}
            />
          )}
        </div>
      </section>
      <div className="grid gap-4 lg:grid-cols-2">
        <section className="min-w-0 space-y-1" aria-label={t("map")}>
          <h2 className="text-lg font-semibold">{t("map")}</h2>
          <p className="text-sm text-slate-600">{t("mapHint")}</p>
          <ChoroplethMap
            url={geoUrl(provinceCode)}
            rates={new Map(units.map((u) => [u.code, u.indicators.activationRate]))}
            theme="light"
            hrefOf={hrefOf}
            className="h-[38rem] rounded border border-slate-200 bg-white p-2"
          />
        </section>
        <div className="grid min-w-0 gap-4">
          <UnitBarChart
            units={shown}
            value={(u) => u.indicators.activationRate}
            title={t("rateChart")}
            describedBy={tableId}
          />
          <UnitBarChart
            units={shown}
            value={(u) => u.indicators.teamCoverage}
            title={t("teamChart")}
            describedBy={tableId}
          />
        </div>
      </div>
      {series.data && <CumulativeChart series={series.data.series} title={t("cumulativeChart")} />}
    </div>
  );
}
