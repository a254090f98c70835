"use client";

import type { UnitProgress } from "@pulse/api";
import { PACE_STATUSES, unitsByPace } from "@pulse/indicators";
import { useTranslations } from "next-intl";
import { rateColor } from "../../../_components/rate-scale";
import { PACE_TONE, useWallFormat } from "./wall-format";

/** Most behind first: lowest activation rate (units without a denominator last), then pace. */
export function rankMostBehind(units: UnitProgress[]): UnitProgress[] {
  const key = (u: UnitProgress) => u.indicators.activationRate.tenths ?? Infinity;
  return [...units].sort(
    (a, b) =>
      key(a) - key(b) ||
      PACE_STATUSES.indexOf(a.indicators.pace?.status ?? "done") -
        PACE_STATUSES.indexOf(b.indicators.pace?.status ?? "done") ||
      a.name.localeCompare(b.name, "vi"),
  );
}

/** How many units are done, on track, at risk and behind. */
export function StatusCounts({ units, title }: { units: UnitProgress[]; title: string }) {
  const t = useTranslations();
  const { count } = useWallFormat();
  const counts = unitsByPace(units);
  return (
    <section>
      <h2 className="text-[1.2em] text-slate-300">{title}</h2>
      <dl className="grid grid-cols-4 gap-[0.8em]">
        {PACE_STATUSES.map((status) => (
          <div
            key={status}
            className="rounded-[0.5em] bg-slate-800/70 px-[0.8em] py-[0.4em]"
            data-status-count={status}
          >
            <dt className="truncate text-[1em] text-slate-300">{t(`status.${status}`)}</dt>
            <dd className={`text-[2.4em] leading-tight font-bold tabular-nums ${PACE_TONE[status]}`}>
              {count(counts[status])}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Ranked units in columns: rank, name, a bar and the rate, pace in words and colour. */
export function UnitRanking({ units, offset, columns }: { units: UnitProgress[]; offset: number; columns: 1 | 2 }) {
  const t = useTranslations();
  const { rate, name } = useWallFormat();
  return (
    <ol
      className={`grid ${columns === 2 ? "grid-flow-col grid-cols-2" : "grid-cols-1"} gap-x-[2em]`}
      style={{ gridTemplateRows: columns === 2 ? `repeat(${Math.ceil(units.length / 2)}, auto)` : undefined }}
    >
      {units.map((unit, i) => {
        const pace = unit.indicators.pace;
        return (
          <li
            key={unit.code}
            data-unit={unit.code}
            className="grid grid-cols-[1.8em_0.8em_1fr_4.2em_8em] items-center gap-x-[0.6em] border-b border-slate-800 py-[0.2em] text-[1.1em]"
          >
            <span className="text-right text-slate-400 tabular-nums">{offset + i + 1}</span>
            <span
              className="h-[0.8em] w-[0.8em] rounded-sm"
              style={{ background: rateColor(unit.indicators.activationRate) }}
              aria-hidden
            />
            <span className="truncate">{name(unit)}</span>
            <span className="text-right font-semibold tabular-nums" data-measure="rate">
              {rate(unit.indicators.activationRate)}
            </span>
            <span className={`truncate text-[0.9em] ${pace ? PACE_TONE[pace.status] : "text-slate-400"}`}>
              {t(`status.${pace?.status ?? "none"}`)}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
