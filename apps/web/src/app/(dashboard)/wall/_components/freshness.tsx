"use client";

import { useTranslations } from "next-intl";
import { useWallFormat } from "./wall-format";

/** "Last report at HH:MM from N of M villages": how current the figures on the wall are. */
export function Freshness({
  lastReportAt,
  reported,
  total,
}: {
  lastReportAt: string | null;
  reported: number;
  total: number;
}) {
  const t = useTranslations("wall");
  const { count, when } = useWallFormat();
  return (
    <p data-freshness className="text-[1.1em] text-slate-400">
      {lastReportAt
        ? t("freshness", { time: when(lastReportAt), reported: count(reported), total: count(total) })
        : t("freshnessNone", { total: count(total) })}
    </p>
  );
}
