"use client";

import { fullNameIn } from "@pulse/messages/names";
import type { Locale } from "@pulse/indicators";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useLiveRoom } from "../../../live/live-provider";
import { useCommuneDetail } from "../../../live/use-commune-detail";
import { useLiveProgress } from "../../../live/use-live-progress";
import { useTRPC } from "../../../trpc/react";
import { CumulativeChart, DailyChart } from "./charts";
import { KpiHeader } from "./kpi-header";
import { PageTitle } from "./page-title";
import { HistoryTable, TeamsTable, VillagesTable } from "./commune-tables";

const HISTORY = 50;

/**
 * One commune for provincial command: KPIs, its villages and teams, the cumulative series, the
 * support-staff status and the report history from the ledger (corrections shown as such).
 */
export function CommuneCommand({ code }: { code: string }) {
  const t = useTranslations("command");
  const locale = useLocale() as Locale;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { commune } = useLiveProgress({ kind: "commune", code });
  const detail = useCommuneDetail(code);
  const historyOptions = trpc.reports.recent.queryOptions({ scope: { kind: "commune", code }, limit: HISTORY });
  const history = useQuery(historyOptions);
  useLiveRoom(`commune:${code}`, () => void queryClient.invalidateQueries({ queryKey: historyOptions.queryKey }));
  const unit = commune.data?.[0];
  if (!unit || !detail.data) return <p role="status">{commune.isError ? t("notFound") : "…"}</p>;
  const name = fullNameIn(unit, locale);
  const { province } = detail.data;
  return (
    <div className="space-y-4">
      <PageTitle
        title={name}
        scope={{ kind: "commune", code }}
        trail={[
          { name: t("nation"), href: "/nation" },
          ...(province ? [{ name: fullNameIn(province, locale), href: `/province/${province.code}` }] : []),
          { name, href: `/commune/${code}` },
        ]}
      />
      <KpiHeader total={unit} />
      <p
        className={unit.indicators.supportStaffFlagged ? "font-semibold text-red-700" : "text-slate-700"}
        data-support-staff
      >
        {unit.indicators.supportStaffFlagged ? t("supportStaffLow") : t("supportStaff", { count: unit.supportStaff })}
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <section className="min-w-0">
          <h2 className="mb-2 text-lg font-semibold">{t("villages")}</h2>
          <VillagesTable villages={detail.data.villages} />
        </section>
        <div className="grid min-w-0 gap-4">
          <CumulativeChart series={detail.data.series} title={t("cumulativeChart")} />
          <DailyChart series={detail.data.series} title={t("dailyChart")} />
        </div>
      </div>
      <section>
        <h2 className="mb-2 text-lg font-semibold">{t("teams")}</h2>
        <TeamsTable teams={detail.data.teams} />
      </section>
      <section>
        <h2 className="mb-2 text-lg font-semibold">{t("history")}</h2>
        <HistoryTable reports={history.data ?? []} />
      </section>
    </div>
  );
}
