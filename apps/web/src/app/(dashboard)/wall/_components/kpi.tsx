import type { ReactNode } from "react";

/** A labelled figure on a wall. */
export function Kpi({
  label,
  value,
  note,
  tone,
}: {
  label: string;
  value: ReactNode;
  note?: ReactNode;
  tone?: string;
}) {
  return (
    <div className="min-w-0 rounded-[0.6em] bg-slate-800/70 px-[1em] py-[0.7em]">
      <p className="truncate text-[1.05em] text-slate-300">{label}</p>
      <p className={`truncate text-[2.6em] leading-tight font-bold tabular-nums ${tone ?? ""}`}>{value}</p>
      {note && <p className="truncate text-[1em] text-slate-400">{note}</p>}
    </div>
  );
}
