import type { ReactNode } from "react";

/**
 * A table in a scrolling box with its header kept in view; the box is a labelled region reachable
 * with Tab, so keyboard users can scroll it too.
 */
export function ScrollTable({
  label,
  columns,
  children,
  testId,
}: {
  label: string;
  columns: { label: string; numeric?: boolean }[];
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div
      className="max-h-[28rem] overflow-auto rounded border border-slate-200 bg-white"
      role="region"
      aria-label={label}
      tabIndex={0}
    >
      <table className="w-full text-sm" data-testid={testId}>
        <thead className="sticky top-0 bg-slate-100 text-left">
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={`px-2 py-2 ${column.numeric ? "text-right" : ""}`}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
