"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useLiveRoom } from "../../live/live-provider";
import { useTRPC } from "../../trpc/react";
import { LiveBadge } from "./live-badge";
import { ProgressTable } from "./progress-table";

/** The nation's provinces, or one province's communes, kept live by pushed changes. */
export function Overview({ provinceCode }: { provinceCode: string | null }) {
  const t = useTranslations();
  const locale = useLocale();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const nation = useQuery(trpc.progress.nation.queryOptions());
  const province = useQuery({
    ...trpc.progress.province.queryOptions({ code: provinceCode ?? "01" }),
    enabled: provinceCode !== null,
  });

  useLiveRoom("nation", () => void queryClient.invalidateQueries({ queryKey: trpc.progress.nation.queryKey() }));
  useLiveRoom(
    provinceCode ? `province:${provinceCode}` : null,
    () => void queryClient.invalidateQueries({ queryKey: trpc.progress.province.queryKey() }),
  );

  const campaign = nation.data?.campaign;
  const chosen = nation.data?.provinces.find((p) => p.code === provinceCode);
  const isDemo = nation.data?.total.isDemo ?? false;

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
        <Link className="text-sm text-sky-800 underline" href="/import">
          {t("import.link")}
        </Link>
        <Link
          className="text-sm text-sky-800 underline"
          href={`?${new URLSearchParams({ ...(provinceCode ? { province: provinceCode } : {}), lang: t("app.languageHref") })}`}
        >
          {t("app.language")}
        </Link>
      </header>
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
      {nation.isPending && <p>{t("units.loading")}</p>}
      {nation.isError && <p className="text-red-700">{t("units.error")}</p>}
      {provinceCode && province.data && chosen ? (
        <>
          <Link href="?" className="mb-3 inline-block text-sky-800 underline">
            {t("units.backToNation")}
          </Link>
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
