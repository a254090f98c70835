"use client";

import { PACE_STATUSES } from "@pulse/indicators";
import { nameIn } from "@pulse/messages/names";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useTRPC } from "../../../trpc/react";
import type { useViewParams } from "./use-view-params";

/** Campaign, unit type, pace and a Vietnamese search that ignores marks. */
export function Filters({ view, kinds }: { view: ReturnType<typeof useViewParams>; kinds: string[] }) {
  const t = useTranslations("command");
  const tStatus = useTranslations("status");
  const locale = useLocale();
  const trpc = useTRPC();
  const campaigns = useQuery(trpc.progress.campaigns.queryOptions());
  const field = "rounded border border-slate-300 bg-white px-2 py-1";
  return (
    <fieldset className="flex flex-wrap items-end gap-3 text-sm">
      <legend className="sr-only">{t("filters.title")}</legend>
      <label className="flex flex-col gap-1">
        {t("filters.search")}
        <input
          type="search"
          className={field}
          value={view.query}
          placeholder={t("filters.searchPlaceholder")}
          onChange={(e) => view.set({ q: e.target.value })}
        />
      </label>
      <label className="flex flex-col gap-1">
        {t("filters.kind")}
        <select className={field} value={view.kind} onChange={(e) => view.set({ kind: e.target.value })}>
          <option value="">{t("filters.all")}</option>
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}` as "kinds.xa")}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        {t("filters.status")}
        <select className={field} value={view.status} onChange={(e) => view.set({ status: e.target.value })}>
          <option value="">{t("filters.all")}</option>
          {PACE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {tStatus(status)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        {t("filters.campaign")}
        <select
          className={field}
          value={view.campaignId ?? campaigns.data?.find((c) => c.scopeKind === "nation")?.id ?? ""}
          onChange={(e) => view.set({ campaign: e.target.value })}
        >
          {(campaigns.data ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {nameIn(c, locale)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
