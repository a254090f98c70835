"use client";

import { formatCount, type Locale } from "@pulse/indicators";
import { fullNameIn } from "@pulse/messages/names";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useTRPC } from "../../trpc/react";

/** How often the screens' health is read again: it changes without a reload. */
export const FLEET_REFRESH_MS = 5_000;

/** Screens in use and how many are dark, per province of the user's scope (on /kiosk, and on the nation page). */
export function FleetByProvince() {
  const t = useTranslations("kiosk");
  const locale = useLocale() as Locale;
  const trpc = useTRPC();
  const fleet = useQuery({ ...trpc.kiosk.fleet.queryOptions(), refetchInterval: FLEET_REFRESH_MS });
  if (!fleet.data || fleet.data.length === 0) return null;
  return (
    <section>
      <h2 className="mb-2 text-lg font-semibold">{t("fleetTitle")}</h2>
      <table className="border-collapse text-sm" data-fleet>
        <thead>
          <tr className="border-b border-slate-300 text-left text-slate-600">
            <th className="py-2 pr-6">{t("fleetColumns.province")}</th>
            <th className="pr-6 text-right">{t("fleetColumns.screens")}</th>
            <th className="text-right">{t("fleetColumns.dark")}</th>
          </tr>
        </thead>
        <tbody>
          {fleet.data.map(({ province, screens, dark }) => (
            <tr key={province.code} className="border-b border-slate-200" data-province={province.code}>
              <td className="py-1 pr-6">{fullNameIn(province, locale)}</td>
              <td className="pr-6 text-right tabular-nums">{formatCount(screens, locale)}</td>
              <td className={`text-right tabular-nums ${dark > 0 ? "font-semibold text-red-800" : ""}`} data-dark>
                {formatCount(dark, locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
