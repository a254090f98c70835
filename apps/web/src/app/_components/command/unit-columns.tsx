"use client";

import type { UnitProgress } from "@pulse/api";
import { fullNameIn } from "@pulse/messages/names";
import { formatCount, formatRate, type Locale } from "@pulse/indicators";
import { createColumnHelper } from "@tanstack/react-table";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useCallback, useMemo } from "react";
import { useOpenAlertCount } from "./open-alerts";

const column = createColumnHelper<UnitProgress>();

const STATUS_ORDER = { behind: 0, at_risk: 1, on_track: 2, done: 3 } as const;
const STATUS_TONE = {
  done: "text-sky-800",
  on_track: "text-emerald-800",
  at_risk: "text-amber-800",
  behind: "text-red-700",
} as const;

/**
 * The unit table's columns, every measure of a unit. Made once per language: cell renderers are
 * components to react-table, so new ones on each render would remount every cell on every live update.
 */
export function useUnitColumns(linkPrefix: string | undefined) {
  const t = useTranslations("command");
  const locale = useLocale() as Locale;
  const count = useCallback((n: number) => formatCount(n, locale), [locale]);
  return useMemo(
    () => [
      column.accessor((u) => fullNameIn(u, locale), {
        id: "name",
        header: t("columns.unit"),
        sortingFn: (a, b) => a.original.name.localeCompare(b.original.name, "vi"),
        cell: ({ row, getValue }) => (
          <NameCell name={getValue()} href={linkPrefix && `${linkPrefix}${row.original.code}`} />
        ),
      }),
      column.accessor("eligible", { header: t("columns.eligible"), cell: (c) => count(c.getValue()) }),
      column.accessor("eidL2Registered", {
        id: "registered",
        header: t("columns.registered"),
        cell: (c) => count(c.getValue()),
      }),
      column.accessor("eidL2Activated", {
        id: "activated",
        header: t("columns.activated"),
        cell: (c) => count(c.getValue()),
      }),
      column.accessor((u) => u.indicators.activationRate.tenths ?? -1, {
        id: "rate",
        header: t("columns.rate"),
        cell: ({ row }) => formatRate(row.original.indicators.activationRate, locale),
      }),
      column.accessor("activatedLast7Days", {
        id: "last7Days",
        header: t("columns.last7Days"),
        cell: (c) => count(c.getValue()),
      }),
      column.accessor((u) => u.indicators.teamCoverage.tenths ?? -1, {
        id: "teamCoverage",
        header: t("columns.teamCoverage"),
        cell: ({ row }) => formatRate(row.original.indicators.teamCoverage, locale),
      }),
      column.accessor((u) => (u.indicators.pace ? STATUS_ORDER[u.indicators.pace.status] : -1), {
        id: "status",
        header: t("columns.status"),
        cell: ({ row }) => <StatusCell unit={row.original} />,
      }),
      column.accessor((u) => u.indicators.pace?.requiredPerDay ?? -1, {
        id: "requiredPerDay",
        header: t("columns.requiredPerDay"),
        cell: ({ row }) => {
          const required = row.original.indicators.pace?.requiredPerDay;
          return required === null || required === undefined ? "—" : count(Math.ceil(required));
        },
      }),
      column.accessor((u) => u.indicators.pace?.forecast ?? "9999", {
        id: "forecast",
        header: t("columns.forecast"),
        cell: ({ row }) => <DateCell at={row.original.indicators.pace?.forecast ?? null} />,
      }),
      column.accessor((u) => u.lastReportAt ?? "", {
        id: "lastReport",
        header: t("columns.lastReport"),
        cell: ({ row }) => <DateCell at={row.original.lastReportAt} withTime />,
      }),
      column.display({
        id: "flags",
        header: t("columns.flags"),
        cell: ({ row }) => <FlagsCell unit={row.original} />,
      }),
    ],
    [t, locale, count, linkPrefix],
  );
}

function NameCell({ name, href }: { name: string; href: string | undefined }) {
  if (!href) return <span className="font-medium">{name}</span>;
  return (
    <Link
      className="font-medium text-sky-800 underline-offset-2 hover:underline"
      href={href}
      // Hundreds of rows: prefetching each as it scrolls into view was a storm of page renders.
      prefetch={false}
    >
      {name}
    </Link>
  );
}

function StatusCell({ unit }: { unit: UnitProgress }) {
  const tStatus = useTranslations("status");
  const pace = unit.indicators.pace;
  return <span className={pace ? STATUS_TONE[pace.status] : ""}>{tStatus(pace?.status ?? "none")}</span>;
}

/** The unit's warnings: its open alerts, more activations than eligible residents, too few support staff. */
function FlagsCell({ unit }: { unit: UnitProgress }) {
  const t = useTranslations("command");
  const tFlags = useTranslations("flags");
  const tAlerts = useTranslations("alerts");
  const { indicators } = unit;
  const openAlerts = useOpenAlertCount(unit.code);
  const flags = [
    indicators.overEligible ? "overEligible" : null,
    indicators.supportStaffFlagged ? "supportStaff" : null,
  ].filter((f): f is "overEligible" | "supportStaff" => f !== null);
  const badge = "mr-1 inline-block rounded bg-red-50 px-1 text-xs whitespace-nowrap text-red-800";
  return (
    <>
      {openAlerts > 0 && (
        <span className={`${badge} font-semibold`} data-open-alerts={openAlerts}>
          {tAlerts("openHere", { count: openAlerts })}
        </span>
      )}
      {flags.map((flag) => (
        <span key={flag} title={tFlags(flag)} className={badge}>
          {t(`flags.${flag}`)}
        </span>
      ))}
    </>
  );
}

/** A day (a forecast, "26/11/2026") or a moment ("26/11 14:05"); a dash when there is none. */
function DateCell({ at, withTime = false }: { at: string | null; withTime?: boolean }) {
  const format = useFormatter();
  if (!at) return "—";
  return withTime
    ? format.dateTime(new Date(at), { day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit" })
    : format.dateTime(new Date(`${at}T12:00:00+07:00`), { day: "2-digit", month: "2-digit", year: "numeric" });
}
