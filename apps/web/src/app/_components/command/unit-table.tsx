"use client";

import type { UnitProgress } from "@pulse/api";
import { fullNameIn } from "@pulse/messages";
import { formatCount, formatRate, UNIT_MEASURES, type Locale } from "@pulse/indicators";
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from "@tanstack/react-table";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useCallback, useMemo } from "react";

const column = createColumnHelper<UnitProgress>();

const STATUS_ORDER = { behind: 0, at_risk: 1, on_track: 2, done: 3 } as const;
const STATUS_TONE = {
  done: "text-sky-800",
  on_track: "text-emerald-800",
  at_risk: "text-amber-800",
  behind: "text-red-700",
} as const;

/** Sortable keys, as they appear in the address (`?sort=rate&dir=asc`). */
export const SORT_KEYS = ["name", ...UNIT_MEASURES, "lastReport"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/**
 * Every unit with every measure (@tanstack/react-table): sortable by any column from its heading
 * (a button, so the keyboard sorts too), rows keyed by code so live updates keep sort, focus and
 * scroll. Sorting lives in the caller (the address), not here.
 */
export function UnitTable({
  units,
  caption,
  sorting,
  onSortingChange,
  linkPrefix,
}: {
  units: UnitProgress[];
  caption: string;
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  /** rows link to `${linkPrefix}${code}` */
  linkPrefix?: string;
}) {
  const t = useTranslations("command");
  const tStatus = useTranslations("status");
  const tFlags = useTranslations("flags");
  const locale = useLocale() as Locale;
  const format = useFormatter();
  const count = useCallback((n: number) => formatCount(n, locale), [locale]);
  // Made once per language: cell renderers are components to react-table, so new ones on each
  // render would remount every cell on every live update.
  const columns = useMemo(
    () => [
      column.accessor((u) => fullNameIn(u, locale), {
        id: "name",
        header: t("columns.unit"),
        sortingFn: (a, b) => a.original.name.localeCompare(b.original.name, "vi"),
        cell: ({ row, getValue }) =>
          linkPrefix ? (
            <Link
              className="font-medium text-sky-800 underline-offset-2 hover:underline"
              href={`${linkPrefix}${row.original.code}`}
              // Hundreds of rows: prefetching each as it scrolls into view was a storm of page renders.
              prefetch={false}
            >
              {getValue()}
            </Link>
          ) : (
            <span className="font-medium">{getValue()}</span>
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
        cell: ({ row }) => {
          const pace = row.original.indicators.pace;
          return <span className={pace ? STATUS_TONE[pace.status] : ""}>{tStatus(pace?.status ?? "none")}</span>;
        },
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
        cell: ({ row }) => {
          const forecast = row.original.indicators.pace?.forecast;
          return forecast
            ? format.dateTime(new Date(`${forecast}T12:00:00+07:00`), {
                day: "2-digit",
                month: "2-digit",
                year: "numeric",
              })
            : "—";
        },
      }),
      column.accessor((u) => u.lastReportAt ?? "", {
        id: "lastReport",
        header: t("columns.lastReport"),
        cell: ({ row }) =>
          row.original.lastReportAt
            ? format.dateTime(new Date(row.original.lastReportAt), {
                day: "2-digit",
                month: "2-digit",
                hour: "2-digit",
                minute: "2-digit",
              })
            : "—",
      }),
      column.display({
        id: "flags",
        header: t("columns.flags"),
        cell: ({ row }) => {
          const { indicators } = row.original;
          const flags = [
            indicators.overEligible ? "overEligible" : null,
            indicators.supportStaffFlagged ? "supportStaff" : null,
          ].filter((f): f is "overEligible" | "supportStaff" => f !== null);
          return flags.map((flag) => (
            <span
              key={flag}
              title={tFlags(flag)}
              className="mr-1 inline-block rounded bg-red-50 px-1 text-xs whitespace-nowrap text-red-800"
            >
              {t(`flags.${flag}`)}
            </span>
          ));
        },
      }),
    ],
    [t, tStatus, tFlags, locale, format, count, linkPrefix],
  );
  // TanStack Table returns fresh functions each render, so the React Compiler leaves this component
  // unmemoized — which is what it needs.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: units,
    columns,
    state: { sorting },
    onSortingChange: (updater) => onSortingChange(typeof updater === "function" ? updater(sorting) : updater),
    getRowId: (u) => u.code,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    enableSortingRemoval: false,
  });
  return (
    <div
      className="max-h-[70vh] overflow-auto rounded border border-slate-200 bg-white"
      role="region"
      aria-label={caption}
      tabIndex={0}
    >
      <table className="w-full border-collapse text-sm" data-unit-table>
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-slate-100">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const label = String(header.column.columnDef.header);
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                    className="px-2 py-2 text-left align-bottom font-semibold whitespace-nowrap text-slate-700"
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        className="inline-flex items-center gap-1 text-left hover:text-sky-800"
                        onClick={header.column.getToggleSortingHandler()}
                        aria-label={t(sorted === "asc" ? "columns.sortDesc" : "columns.sortAsc", { column: label })}
                        data-sort={header.column.id}
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span aria-hidden className="text-xs text-slate-500">
                          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                        </span>
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} data-unit={row.id} className="border-t border-slate-200 hover:bg-sky-50">
              {row.getVisibleCells().map((cell) =>
                cell.column.id === "name" ? (
                  <th key={cell.id} scope="row" className="min-w-[11rem] px-2 py-1.5 text-left font-normal">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </th>
                ) : (
                  <td
                    key={cell.id}
                    data-measure={cell.column.id}
                    className={`px-2 py-1.5 whitespace-nowrap ${cell.column.id === "flags" || cell.column.id === "status" ? "" : "text-right tabular-nums"}`}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
