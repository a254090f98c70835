"use client";

import { useFormatter, useTranslations } from "next-intl";

/** Connected now, or "dark since 14:05" (with the date when not today); a dash for a cut token. */
export function ScreenHealthCell({
  active,
  health,
}: {
  active: boolean;
  health: { connected: boolean; darkSince: Date | null };
}) {
  const t = useTranslations("kiosk");
  const format = useFormatter();
  if (!active) return <span className="text-slate-500">{t("health.off")}</span>;
  if (health.connected)
    return (
      <span className="font-semibold text-emerald-800" data-health="connected">
        ● {t("health.connected")}
      </span>
    );
  // not connected and dark since nothing: never seen
  if (!health.darkSince) return <span data-health="never">{t("health.never")}</span>;
  const today = new Date().toDateString() === health.darkSince.toDateString();
  const time = format.dateTime(
    health.darkSince,
    today ? { hour: "2-digit", minute: "2-digit" } : { dateStyle: "short", timeStyle: "short" },
  );
  return (
    <span className="font-semibold text-red-800" data-health="dark">
      ○ {t("health.darkSince", { time })}
    </span>
  );
}
