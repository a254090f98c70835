"use client";

import type { RouterOutputs } from "@pulse/api";
import { formatCount, formatRate, lateness, type Locale } from "@pulse/indicators";
import { COUNTER_KEYS } from "@pulse/schema";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { DATE, DATE_TIME } from "../date-formats";
import { ScrollTable } from "./scroll-table";

type CommuneDetail = RouterOutputs["progress"]["commune"];
type ReportRow = RouterOutputs["reports"]["recent"][number];

/** A commune's villages: visit coverage, activations, registrations and whether a team covers each. */
export function VillagesTable({ villages }: { villages: CommuneDetail["villages"] }) {
  const t = useTranslations("command");
  const tWall = useTranslations("wall");
  const locale = useLocale() as Locale;
  return (
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
      {villages.map((v) => (
        <tr key={v.code} data-village={v.code} className="border-t border-slate-200">
          <th scope="row" className="px-2 py-1.5 text-left font-normal">
            {v.name}
          </th>
          <td className="px-2 text-right tabular-nums">{formatRate(v.visitCoverage, locale)}</td>
          <td className="px-2 text-right tabular-nums">{formatCount(v.eidL2Activated, locale)}</td>
          <td className="px-2 text-right tabular-nums">{formatCount(v.eidL2Registered, locale)}</td>
          <td className={`px-2 ${v.hasTeam ? "" : "text-amber-800"}`}>{v.hasTeam ? "✓" : tWall("noTeam")}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}

/** The commune's support teams: name, kind, members, when formed. */
export function TeamsTable({ teams }: { teams: CommuneDetail["teams"] }) {
  const t = useTranslations("command");
  const locale = useLocale() as Locale;
  const format = useFormatter();
  return (
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
      {teams.map((team) => (
        <tr key={team.id} className="border-t border-slate-200">
          <th scope="row" className="px-2 py-1.5 text-left font-normal">
            {team.name}
          </th>
          <td className="px-2">{t(`teamKinds.${team.kind}` as "teamKinds.community_team")}</td>
          <td className="px-2 text-right tabular-nums">{formatCount(team.members, locale)}</td>
          <td className="px-2 tabular-nums">{format.dateTime(new Date(`${team.formedOn}T12:00:00+07:00`), DATE)}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}

/** The commune's reports from the ledger, newest first, corrections shown as such. */
export function HistoryTable({ reports }: { reports: ReportRow[] }) {
  const t = useTranslations("command");
  const tWall = useTranslations("wall");
  const locale = useLocale() as Locale;
  const format = useFormatter();
  return (
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
      {reports.map((r) => (
        <tr key={r.id} data-report-id={r.id} className="border-t border-slate-200 align-top">
          <td className="px-2 py-1.5 whitespace-nowrap tabular-nums">
            {format.dateTime(new Date(r.receivedAt), DATE_TIME)}
            <LateNote asOf={r.asOf} receivedAt={r.receivedAt} />
          </td>
          <td className="px-2 py-1.5">{r.villageName ?? r.communeName}</td>
          <td className="px-2 py-1.5">
            {t(`modes.${r.mode}` as "modes.increment")}
            {r.correctsId !== null && (
              <span className="block text-xs text-amber-800">{t("correctionOf", { id: r.correctsId })}</span>
            )}
          </td>
          <td className="px-2 py-1.5">
            {COUNTER_KEYS.flatMap((key) =>
              r.counters[key] === undefined
                ? []
                : [`${tWall(`counters.${key}`)}: ${formatCount(r.counters[key] ?? 0, locale)}`],
            ).join(" · ")}
          </td>
        </tr>
      ))}
    </ScrollTable>
  );
}

/** Under the arrival time: when a report came long after the moment it describes, and that moment. */
function LateNote({ asOf, receivedAt }: { asOf: string; receivedAt: string }) {
  const tWall = useTranslations("wall");
  const t = useTranslations("command");
  const format = useFormatter();
  const late = lateness(asOf, receivedAt);
  if (!late) return null;
  return (
    <span className="block text-xs text-sky-800" data-late>
      {tWall("tickerLate", late)} · {t("asOfAt", { when: format.dateTime(new Date(asOf), DATE_TIME) })}
    </span>
  );
}
