"use client";

import type { UnitProgress } from "@pulse/api";
import type { Locale } from "@pulse/indicators";
import type { Scope } from "@pulse/schema";
import { fullNameIn } from "@pulse/messages/names";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useDeferredValue, useId, useMemo } from "react";
import { useThrottled } from "../../../live/use-throttled";
import { useLiveProgress } from "../../../live/use-live-progress";
import { useTRPC } from "../../../trpc/react";
import { ChoroplethMap, geoUrl } from "../choropleth-map";
import { CumulativeChart, UnitBarChart } from "./charts";
import { Filters } from "./filters";
import { matchesQuery } from "./fold";
import { KpiHeader } from "./kpi-header";
import { PageTitle } from "./page-title";
import { OpenAlertsProvider } from "./open-alerts";
import { UnitTable } from "./unit-table";
import { useViewParams } from "./use-view-params";

const NO_UNITS: UnitProgress[] = [];

/** The units the filters let through: kind, pace, and a search ignoring Vietnamese marks. */
function filterUnits(units: UnitProgress[], { kind, status, query }: { kind: string; status: string; query: string }) {
  return units.filter(
    (u) =>
      (!kind || u.kind === kind) &&
      (!status || u.indicators.pace?.status === status) &&
      (!query || matchesQuery(`${u.fullName} ${u.fullNameEn}`, query)),
  );
}
const activationRateOf = (u: UnitProgress) => u.indicators.activationRate;
const teamCoverageOf = (u: UnitProgress) => u.indicators.teamCoverage;

/**
 * Provincial command's view of the nation (its provinces) or of a province (its communes): KPIs,
 * the sortable and filterable table, rate and team-coverage charts, the cumulative series against
 * the target, and the choropleth; all live, and all addressable (filters and sort in the URL).
 */
export function ScopeCommand({ provinceCode }: { provinceCode: string | null }) {
  const t = useTranslations("command");
  const locale = useLocale() as Locale;
  const trpc = useTRPC();
  const view = useViewParams();
  const tableId = useId();
  const scope: Scope = provinceCode ? { kind: "province", code: provinceCode } : { kind: "nation" };
  const { nation, province } = useLiveProgress(scope, view.campaignId);
  // A daily series: refreshed each minute rather than on every push.
  const series = useQuery({
    ...trpc.progress.series.queryOptions({
      scope,
      campaignId: view.campaignId,
    }),
    refetchInterval: 60_000,
  });
  const data = provinceCode ? province.data : nation.data;
  const failed = provinceCode ? province.isError : nation.isError;
  // The KPIs follow every push; the table and map redraw when the browser has time, the charts at
  // most every 2 s: a large province stays responsive while reports pour in.
  const allUnits = data ? ("communes" in data ? data.communes : data.provinces) : NO_UNITS;
  const deferredUnits = useDeferredValue(allUnits);
  const chartUnits = useThrottled(deferredUnits, 2_000);
  const { kind, status, query } = view;
  const shown = useMemo(
    () => filterUnits(deferredUnits, { kind, status, query }),
    [deferredUnits, kind, status, query],
  );
  const chartShown = useMemo(() => filterUnits(chartUnits, { kind, status, query }), [chartUnits, kind, status, query]);
  const rates = useMemo(
    () => new Map(deferredUnits.map((u) => [u.code, u.indicators.activationRate])),
    [deferredUnits],
  );
  if (!data) return <p role="status">{failed ? t("notFound") : "…"}</p>;
  const units = allUnits;
  const title = "province" in data && data.province ? fullNameIn(data.province, locale) : t("nation");
  const linkPrefix = provinceCode ? "/commune/" : "/province/";
  const kinds = [...new Set(units.map((u) => u.kind))].sort();
  return (
    <div className="space-y-4">
      <PageTitle
        title={title}
        scope={provinceCode ? { kind: "province", code: provinceCode } : { kind: "nation" }}
        campaignId={view.campaignId}
        trail={[
          { name: t("nation"), href: "/nation" },
          ...(provinceCode ? [{ name: title, href: `/province/${provinceCode}` }] : []),
        ]}
      />
      <KpiHeader total={data.total} units={units} />
      <Filters view={view} kinds={kinds} />
      <OpenAlertsProvider scope={scope}>
        <UnitsSection
          tableId={tableId}
          title={provinceCode ? t("communes") : t("provinces")}
          units={shown}
          total={units.length}
          view={view}
          linkPrefix={linkPrefix}
        />
      </OpenAlertsProvider>
      <div className="grid gap-4 lg:grid-cols-2">
        <section className="min-w-0 space-y-1" aria-label={t("map")}>
          <h2 className="text-lg font-semibold">{t("map")}</h2>
          <p className="text-sm text-slate-600">{t("mapHint")}</p>
          <ChoroplethMap
            url={geoUrl(provinceCode)}
            rates={rates}
            theme="light"
            linkPrefix={linkPrefix}
            className="h-[38rem] rounded border border-slate-200 bg-white p-2"
          />
        </section>
        <div className="grid min-w-0 gap-4">
          <UnitBarChart units={chartShown} value={activationRateOf} title={t("rateChart")} describedBy={tableId} />
          <UnitBarChart units={chartShown} value={teamCoverageOf} title={t("teamChart")} describedBy={tableId} />
        </div>
      </div>
      {series.data && <CumulativeChart series={series.data.series} title={t("cumulativeChart")} />}
    </div>
  );
}

/** The table of units the filters let through, with how many of all are shown. */
function UnitsSection({
  tableId,
  title,
  units,
  total,
  view,
  linkPrefix,
}: {
  tableId: string;
  title: string;
  units: UnitProgress[];
  total: number;
  view: ReturnType<typeof useViewParams>;
  linkPrefix: string;
}) {
  const t = useTranslations("command");
  return (
    <section className="min-w-0 space-y-2" aria-labelledby={`${tableId}-title`}>
      <h2 id={`${tableId}-title`} className="text-lg font-semibold">
        {title}{" "}
        <span className="text-sm font-normal text-slate-600">{t("filters.shown", { shown: units.length, total })}</span>
      </h2>
      <div id={tableId}>
        {units.length === 0 ? (
          <p>{t("filters.none")}</p>
        ) : (
          <UnitTable
            units={units}
            caption={t("tableCaption", { units: title })}
            sorting={view.sorting}
            onSortingChange={view.setSorting}
            linkPrefix={linkPrefix}
          />
        )}
      </div>
    </section>
  );
}
