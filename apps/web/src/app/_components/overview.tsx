"use client";

import type { Scope } from "@pulse/schema";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import { useLiveProgress } from "../../live/use-live-progress";
import { LiveBadge } from "./live-badge";
import { ProgressTable } from "./progress-table";

/**
 * What the viewer's scope holds, kept live by pushed changes: the nation's provinces (and a
 * chosen province's communes), one province's communes, or one commune.
 */
export function Overview({
  scope,
  provinceCode: chosenProvince,
  account,
}: {
  scope: Scope;
  provinceCode: string | null;
  account: ReactNode;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const format = useFormatter();
  const isNation = scope.kind === "nation";
  // A province user sees their province whatever the address asks for; the server would refuse others.
  const provinceCode = scope.kind === "province" ? scope.code : isNation ? chosenProvince : null;
  const communeCode = scope.kind === "commune" ? scope.code : null;
  // The nation's list, or a province's communes, or one commune: one live view at a time.
  const { nation, province, commune } = useLiveProgress(
    provinceCode
      ? { kind: "province", code: provinceCode }
      : communeCode
        ? { kind: "commune", code: communeCode }
        : { kind: "nation" },
  );
  const active = provinceCode ? province : communeCode ? commune : nation;
  const campaign = nation.data?.campaign ?? province.data?.campaign;
  const chosen = province.data?.province;
  const isDemo = (nation.data?.total.isDemo ?? province.data?.total.isDemo ?? commune.data?.[0]?.isDemo) === true;
  const loading = active.isPending;
  const failed = active.isError;

  return (
    <main className="mx-auto max-w-7xl px-6 py-6">
      <header className="mb-6 flex flex-wrap items-center gap-3">
        <h1 className="mr-auto text-2xl font-bold">{t("app.heading")}</h1>
        {isDemo && (
          <span className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-900 ring-1 ring-amber-300">
            {t("app.demoData")}
          </span>
        )}
        <LiveBadge />
        <Link
          className="text-sm text-sky-800 underline"
          prefetch={false}
          href={`?${new URLSearchParams({ ...(provinceCode ? { province: provinceCode } : {}), lang: t("app.languageHref") })}`}
        >
          {t("app.language")}
        </Link>
      </header>
      <div className="mb-4">{account}</div>
      {campaign && (
        <p className="mb-4 text-slate-700">
          {t("app.campaign", {
            name: locale === "vi" ? campaign.name : campaign.nameEn,
            deadline: format.dateTime(new Date(`${campaign.deadline}T00:00:00+07:00`), {
              day: "2-digit",
              month: "2-digit",
              year: "numeric",
            }),
          })}
        </p>
      )}
      {loading && <p>{t("units.loading")}</p>}
      {failed && <p className="text-red-700">{t("units.error")}</p>}
      {commune.data && <ProgressTable caption={t("units.commune")} units={commune.data} showCommunes={false} />}
      {provinceCode && province.data && chosen ? (
        <>
          {isNation && (
            <Link href="?" className="mb-3 inline-block text-sky-800 underline">
              {t("units.backToNation")}
            </Link>
          )}
          <ProgressTable
            caption={t("units.communesOf", { name: locale === "vi" ? chosen.fullName : chosen.fullNameEn })}
            units={province.data.communes}
            total={province.data.total}
            totalLabel={t("units.provinceTotal")}
            showCommunes={false}
          />
        </>
      ) : (
        nation.data && (
          <ProgressTable
            caption={t("units.provinces")}
            units={nation.data.provinces}
            total={nation.data.total}
            totalLabel={t("units.nationTotal")}
            hrefOf={(unit) => `?province=${unit.code}`}
            showCommunes
          />
        )
      )}
    </main>
  );
}
