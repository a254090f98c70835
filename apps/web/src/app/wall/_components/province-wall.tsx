"use client";

import { useTranslations } from "next-intl";
import { useLiveProgress } from "../../../live/use-live-progress";
import { geoUrl } from "../../_components/choropleth-map";
import { ScopeWall } from "./scope-wall";
import { WallMessage } from "./wall-message";
import { useWallFormat } from "./wall-format";

/** A province's wall: its communes on the map and ranked, the province's total and pace. */
export function ProvinceWall({ code }: { code: string }) {
  const t = useTranslations("wall");
  const { name, locale } = useWallFormat();
  const { province } = useLiveProgress({ kind: "province", code });
  const data = province.data;
  if (!data) return <WallMessage failed={province.isError} />;
  return (
    <ScopeWall
      view={{ kind: "province", code }}
      title={data.province ? name(data.province) : code}
      subtitle={data.campaign ? (locale === "vi" ? data.campaign.name : data.campaign.nameEn) : undefined}
      units={data.communes}
      total={data.total}
      deadline={data.campaign?.deadline ?? null}
      mapUrl={geoUrl(code)}
      rankingTitle={t("communesRanked")}
      countsTitle={t("statusCounts")}
    />
  );
}
