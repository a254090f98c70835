"use client";

import type { RouterOutputs, UnitProgress } from "@pulse/api";
import { fullNameIn } from "@pulse/messages/names";
import { formatCount, formatRate, type Locale, type Rate } from "@pulse/indicators";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { memo } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { rateColor } from "../rate-scale";

type Series = RouterOutputs["progress"]["series"]["series"];

/**
 * One bar per unit, lowest first, coloured on the map's scale; hover names the unit and its
 * figure. Its text alternative is the table of units on the same page (`describedBy`).
 */
export const UnitBarChart = memo(function UnitBarChart({
  units,
  value,
  title,
  describedBy,
}: {
  units: UnitProgress[];
  value: (unit: UnitProgress) => Rate;
  title: string;
  describedBy: string;
}) {
  const t = useTranslations("command");
  const locale = useLocale() as Locale;
  const data = units
    .map((u) => ({ code: u.code, name: fullNameIn(u, locale), rate: value(u) }))
    .sort((a, b) => (a.rate.tenths ?? -1) - (b.rate.tenths ?? -1))
    .map((d) => ({ ...d, percent: (d.rate.tenths ?? 0) / 10 }));
  return (
    <figure className="rounded border border-slate-200 bg-white p-3" aria-describedby={describedBy}>
      <figcaption className="mb-2 font-semibold">{title}</figcaption>
      <div className="h-56" role="img" aria-label={`${title}. ${t("chartTableNote")}`}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 4, right: 8, bottom: 4, left: 0 }}>
            <CartesianGrid vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="name" tick={false} height={4} />
            <YAxis
              domain={[0, (max: number) => Math.max(100, Math.ceil(max))]}
              unit="%"
              width={52}
              tick={{ fontSize: 12 }}
            />
            <Tooltip
              isAnimationActive={false}
              formatter={(_v, _n, item) => [formatRate((item.payload as { rate: Rate }).rate, locale), title]}
            />
            <Bar dataKey="percent" isAnimationActive={false}>
              {data.map((d) => (
                <Cell key={d.code} fill={rateColor(d.rate)} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
});

/** Cumulative activations over the campaign against the straight line to the target. */
export const CumulativeChart = memo(function CumulativeChart({ series, title }: { series: Series; title: string }) {
  const t = useTranslations("command");
  const locale = useLocale() as Locale;
  const format = useFormatter();
  const day = (d: string) =>
    format.dateTime(new Date(`${d}T12:00:00+07:00`), { day: "2-digit", month: "2-digit", year: "numeric" });
  const month = (d: string) => format.dateTime(new Date(`${d}T12:00:00+07:00`), { month: "2-digit", year: "numeric" });
  const last = series.at(-1);
  return (
    <figure className="rounded border border-slate-200 bg-white p-3">
      <figcaption className="mb-2 font-semibold">{title}</figcaption>
      <div
        className="h-56"
        role="img"
        aria-label={
          last
            ? `${title}: ${formatCount(last.activated, locale)} / ${formatCount(last.targetLine, locale)} (${day(last.day)})`
            : title
        }
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={series} margin={{ top: 4, right: 12, bottom: 4, left: 8 }}>
            <CartesianGrid stroke="#e2e8f0" />
            <XAxis dataKey="day" tickFormatter={month} tick={{ fontSize: 12 }} minTickGap={24} />
            <YAxis tickFormatter={(v: number) => formatCount(v, locale)} width={72} tick={{ fontSize: 12 }} />
            <Tooltip
              isAnimationActive={false}
              labelFormatter={(d) => day(String(d))}
              formatter={(v) => formatCount(Number(v), locale)}
            />
            <Line
              dataKey="activated"
              name={t("cumulativeActivated")}
              stroke="#047857"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
            <Line
              dataKey="targetLine"
              name={t("target")}
              stroke="#64748b"
              strokeDasharray="6 4"
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <CumulativeTable series={series} day={day} />
      {last && (
        <p className="mt-1 text-sm text-slate-600">
          {t("cumulativeActivated")}: {formatCount(last.activated, locale)} · {t("target")}:{" "}
          {formatCount(last.targetLine, locale)}
        </p>
      )}
    </figure>
  );
});

/** The cumulative chart's figures as a table, a row a week (for screen readers and for copying). */
function CumulativeTable({ series, day }: { series: Series; day: (d: string) => string }) {
  const t = useTranslations("command");
  const locale = useLocale() as Locale;
  return (
    <details className="mt-1 text-sm">
      <summary className="cursor-pointer text-sky-800">{t("chartData")}</summary>
      <table className="mt-1 w-full">
        <thead>
          <tr className="text-left">
            <th scope="col">{t("day")}</th>
            <th scope="col" className="text-right">
              {t("cumulativeActivated")}
            </th>
            <th scope="col" className="text-right">
              {t("target")}
            </th>
          </tr>
        </thead>
        <tbody>
          {/* a row a week, and the last day */}
          {series
            .filter((_, i) => i % 7 === 0 || i === series.length - 1)
            .map((p) => (
              <tr key={p.day}>
                <td>{day(p.day)}</td>
                <td className="text-right tabular-nums">{formatCount(p.activated, locale)}</td>
                <td className="text-right tabular-nums">{formatCount(p.targetLine, locale)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </details>
  );
}

/** How many days of daily activations the daily chart shows. */
const DAILY_DAYS = 60;

/** Activations per day over the last 60 campaign days, from the cumulative series. */
export const DailyChart = memo(function DailyChart({ series, title }: { series: Series; title: string }) {
  const locale = useLocale() as Locale;
  const format = useFormatter();
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00+07:00`), { day: "2-digit", month: "2-digit" });
  const daily = series
    .map((p, i) => ({ day: p.day, activated: i === 0 ? 0 : p.activated - (series[i - 1]?.activated ?? 0) }))
    .slice(1)
    .slice(-DAILY_DAYS);
  const total = daily.reduce((n, d) => n + d.activated, 0);
  return (
    <figure className="rounded border border-slate-200 bg-white p-3">
      <figcaption className="mb-2 font-semibold">{title}</figcaption>
      <div className="h-48" role="img" aria-label={`${title}: ${formatCount(total, locale)}`}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={daily} margin={{ top: 4, right: 8, bottom: 4, left: 8 }}>
            <CartesianGrid vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="day" tickFormatter={day} tick={{ fontSize: 12 }} minTickGap={24} />
            <YAxis tickFormatter={(v: number) => formatCount(v, locale)} width={56} tick={{ fontSize: 12 }} />
            <Tooltip
              isAnimationActive={false}
              labelFormatter={(d) => day(String(d))}
              formatter={(v) => formatCount(Number(v), locale)}
            />
            <Bar dataKey="activated" fill="#047857" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
});
