"use client";

import { COUNTER_KEYS } from "@pulse/schema";
import { fullNameIn } from "@pulse/messages";
import { formatCount, formatRate, type Locale } from "@pulse/indicators";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useLiveRoom } from "../../../live/live-provider";
import { useCommuneDetail } from "../../../live/use-commune-detail";
import { useLiveProgress } from "../../../live/use-live-progress";
import { useTRPC } from "../../../trpc/react";
import { CumulativeChart, DailyChart } from "./charts";
import { KpiHeader } from "./kpi-header";
import { PageTitle } from "./page-title";
import { ScrollTable } from "./scroll-table";

const HISTORY = 50;

/**
 * One commune for provincial command: KPIs, its villages and teams, the cumulative series, the
 * support-staff status and the report history from the ledger (corrections shown as such).
 */
export function CommuneCommand({ code }: { code: string }) {
  const t = useTranslations("command");
  const tWall = useTranslations("wall");
  const locale = useLocale() as Locale;
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const count = (n: number) => formatCount(n, locale);
  const { commune } = useLiveProgress({ kind: "commune", code });
  const detail = useCommuneDetail(code);
  const historyOptions = trpc.reports.recent.queryOptions({ scope: { kind: "commune", code }, limit: HISTORY });
  const history = useQuery(historyOptions);
  useLiveRoom(`commune:${code}`, () => void queryClient.invalidateQueries({ queryKey: historyOptions.queryKey }));
  const unit = commune.data?.[0];
  if (!unit || !detail.data) return <p role="status">{commune.isError ? t("notFound") : "…"}</p>;
  const name = fullNameIn(unit, locale);
  const { province } = detail.data;
  const when = (at: string) =>
    format.dateTime(new Date(at), {
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    });
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
          <ScrollTable
            label={t("villages")}
            columns={[
              { label: t("columns.unit") },
              { label: t("columns.visitCoverage"), numeric: true },
              { label: t("columns.activated"), numeric: true },
              { label: t("columns.registered"), numeric: true },
              { label: t("columns.team") },
            ]}
          >
            {detail.data.villages.map((v) => (
              <tr key={v.code} data-village={v.code} className="border-t border-slate-200">
                <th scope="row" className="px-2 py-1.5 text-left font-normal">
                  {v.name}
                </th>
                <td className="px-2 text-right tabular-nums">{formatRate(v.visitCoverage, locale)}</td>
                <td className="px-2 text-right tabular-nums">{count(v.eidL2Activated)}</td>
                <td className="px-2 text-right tabular-nums">{count(v.eidL2Registered)}</td>
                <td className={`px-2 ${v.hasTeam ? "" : "text-amber-800"}`}>{v.hasTeam ? "✓" : tWall("noTeam")}</td>
              </tr>
            ))}
          </ScrollTable>
        </section>
        <div className="grid min-w-0 gap-4">
          <CumulativeChart series={detail.data.series} title={t("cumulativeChart")} />
          <DailyChart series={detail.data.series} title={t("dailyChart")} />
        </div>
      </div>
      <section>
        <h2 className="mb-2 text-lg font-semibold">{t("teams")}</h2>
        <ScrollTable
          label={t("teams")}
          testId="teams"
          columns={[
            { label: t("teamColumns.name") },
            { label: t("teamColumns.kind") },
            { label: t("teamColumns.members"), numeric: true },
            { label: t("teamColumns.formedOn") },
          ]}
        >
          {detail.data.teams.map((team) => (
            <tr key={team.id} className="border-t border-slate-200">
              <th scope="row" className="px-2 py-1.5 text-left font-normal">
                {team.name}
              </th>
              <td className="px-2">{t(`teamKinds.${team.kind}` as "teamKinds.community_team")}</td>
              <td className="px-2 text-right tabular-nums">{count(team.members)}</td>
              <td className="px-2 tabular-nums">
                {format.dateTime(new Date(`${team.formedOn}T12:00:00+07:00`), {
                  day: "2-digit",
                  month: "2-digit",
                  year: "numeric",
                })}
              </td>
            </tr>
          ))}
        </ScrollTable>
      </section>
      <section>
        <h2 className="mb-2 text-lg font-semibold">{t("history")}</h2>
        <ScrollTable
          label={t("history")}
          testId="history"
          columns={[
            { label: t("historyColumns.received") },
            { label: t("historyColumns.place") },
            { label: t("historyColumns.mode") },
            { label: t("historyColumns.figures") },
          ]}
        >
          {(history.data ?? []).map((r) => (
            <tr key={r.id} data-report-id={r.id} className="border-t border-slate-200 align-top">
              <td className="px-2 py-1.5 whitespace-nowrap tabular-nums">{when(r.receivedAt)}</td>
              <td className="px-2 py-1.5">{r.villageName ?? r.communeName}</td>
              <td className="px-2 py-1.5">
                {t(`modes.${r.mode}` as "modes.increment")}
                {r.correctsId !== null && (
                  <span className="block text-xs text-amber-800">{t("correctionOf", { id: r.correctsId })}</span>
                )}
              </td>
              <td className="px-2 py-1.5">
                {COUNTER_KEYS.flatMap((key) =>
                  r.counters[key] === undefined ? [] : [`${tWall(`counters.${key}`)}: ${count(r.counters[key] ?? 0)}`],
                ).join(" · ")}
              </td>
            </tr>
          ))}
        </ScrollTable>
      </section>
    </div>
  );
}
