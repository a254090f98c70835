"use client";

import type { UnitProgress } from "@pulse/api";
import { UNIT_MEASURES } from "@pulse/indicators";
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type Header,
  type SortingState,
} from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { useUnitColumns } from "./unit-columns";

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
  const columns = useUnitColumns(linkPrefix);
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
              {group.headers.map((header) => (
                <SortableHeader key={header.id} header={header} />
              ))}
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

/** A column heading: a button that sorts by it (so the keyboard sorts too), with the order read out. */
function SortableHeader({ header }: { header: Header<UnitProgress, unknown> }) {
  const t = useTranslations("command");
  const sorted = header.column.getIsSorted();
  const label = String(header.column.columnDef.header);
  return (
    <th
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
}
