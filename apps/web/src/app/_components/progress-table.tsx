"use client";

import type { UnitProgress } from "@pulse/api";
import { formatCount, formatRate, type Locale } from "@pulse/indicators";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import Link from "next/link";

const statusTone = {
  done: "text-emerald-700",
  on_track: "text-emerald-700",
  at_risk: "text-amber-700",
  behind: "text-red-700",
} as const;

type Figures = Pick<
  UnitProgress,
  "communes" | "eligible" | "eidL2Registered" | "eidL2Activated" | "activatedLast7Days" | "indicators" | "lastReportAt"
>;

interface Props {
  caption: string;
  units: UnitProgress[];
  /** the row summing them all; none for a single commune */
  total?: Figures | undefined;
  totalLabel?: string | undefined;
  /** where a row leads, if anywhere */
  hrefOf?: (unit: UnitProgress) => string;
  showCommunes: boolean;
}

/** One table for provinces and communes alike: every measure, formatted for the reader's language. */
export function ProgressTable({ caption, units, total, totalLabel, hrefOf, showCommunes }: Props) {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  const format = useFormatter();
  const count = (n: number) => formatCount(n, locale);
  const rows: (Figures & { key: string; name: string; href?: string | undefined; isTotal: boolean })[] = [
    ...units.map((unit) => ({
      ...unit,
      key: unit.code,
      name: locale === "vi" ? unit.fullName : unit.fullNameEn,
      href: hrefOf?.(unit),
      isTotal: false,
    })),
    ...(total ? [{ ...total, key: "total", name: totalLabel ?? "", isTotal: true }] : []),
  ];
  return (
    <table className="w-full border-collapse text-sm">
      <caption className="mb-2 text-left text-lg font-semibold">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300 text-left text-slate-600">
          <th className="py-2 pr-3">{t("columns.unit")}</th>
          {showCommunes && <th className="px-3 text-right">{t("columns.communes")}</th>}
          <th className="px-3 text-right">{t("columns.eligible")}</th>
          <th className="px-3 text-right">{t("columns.registered")}</th>
          <th className="px-3 text-right">{t("columns.activated")}</th>
          <th className="px-3 text-right">{t("columns.rate")}</th>
          <th className="px-3 text-right">{t("columns.last7Days")}</th>
          <th className="px-3 text-right">{t("columns.teamCoverage")}</th>
          <th className="px-3">{t("columns.status")}</th>
          <th className="pl-3">{t("columns.lastReport")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((unit) => {
          const { name, href } = unit;
          const pace = unit.indicators.pace;
          return (
            <tr
              key={unit.key}
              data-unit={unit.key}
              className={`border-b border-slate-200 ${unit.isTotal ? "bg-slate-100 font-semibold" : "hover:bg-white"}`}
            >
              <th scope="row" className="py-1.5 pr-3 text-left font-medium">
                {href ? (
                  <Link className="text-sky-800 underline-offset-2 hover:underline" href={href}>
                    {name}
                  </Link>
                ) : (
                  name
                )}
              </th>
              {showCommunes && <td className="px-3 text-right">{count(unit.communes)}</td>}
              <td className="px-3 text-right">{count(unit.eligible)}</td>
              <td className="px-3 text-right">{count(unit.eidL2Registered)}</td>
              <td className="px-3 text-right" data-measure="activated">
                {count(unit.eidL2Activated)}
              </td>
              <td className="px-3 text-right" data-measure="rate">
                {formatRate(unit.indicators.activationRate, locale)}
                {unit.indicators.overEligible && (
                  <span
                    className="ml-1 text-red-700"
                    title={t("flags.overEligible")}
                    aria-label={t("flags.overEligible")}
                  >
                    ⚠
                  </span>
                )}
              </td>
              <td className="px-3 text-right">{count(unit.activatedLast7Days)}</td>
              <td className="px-3 text-right">{formatRate(unit.indicators.teamCoverage, locale)}</td>
              <td className={`px-3 ${pace ? statusTone[pace.status] : ""}`}>{t(`status.${pace?.status ?? "none"}`)}</td>
              <td className="pl-3 text-slate-600">
                {unit.lastReportAt
                  ? format.dateTime(new Date(unit.lastReportAt), {
                      hour: "2-digit",
                      minute: "2-digit",
                      day: "2-digit",
                      month: "2-digit",
                    })
                  : "—"}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
