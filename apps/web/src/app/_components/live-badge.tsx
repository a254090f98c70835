"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useLiveStatus } from "../../live/live-provider";

const tone = {
  connecting: "bg-slate-200 text-slate-700",
  live: "bg-emerald-100 text-emerald-800",
  reconnecting: "bg-amber-100 text-amber-900",
  stale: "bg-red-600 text-white",
} as const;

export function LiveBadge() {
  const t = useTranslations("live");
  const format = useFormatter();
  const { status, lastSeenAt } = useLiveStatus();
  const time = lastSeenAt
    ? format.dateTime(lastSeenAt, { hour: "2-digit", minute: "2-digit", second: "2-digit" })
    : "—";
  return (
    <span
      role="status"
      data-live-status={status}
      className={`rounded-full px-3 py-1 text-sm font-semibold ${tone[status]}`}
    >
      {t(status, { time })}
    </span>
  );
}
