"use client";

import { useTranslations } from "next-intl";
import { useLiveProgress } from "../../../live/use-live-progress";
import { geoUrl } from "../../_components/choropleth-map";
import { ScopeWall } from "./scope-wall";
import { WallMessage } from "./wall-message";
import { useWallFormat } from "./wall-format";

/** The nation's wall: the 34 provinces on the map and ranked, the national total and pace. */
export function NationWall() {
  const t = useTranslations("wall");
  const { locale } = useWallFormat();
  const { nation } = useLiveProgress({ kind: "nation" });
  const data = nation.data;
  if (!data) return <WallMessage failed={nation.isError} />;
  return (
    <ScopeWall
      view={{ kind: "nation" }}
      title={t("nation")}
      subtitle={data.campaign ? (locale === "vi" ? data.campaign.name : data.campaign.nameEn) : undefined}
      units={data.provinces}
      total={data.total}
      deadline={data.campaign?.deadline ?? null}
      mapUrl={geoUrl(null)}
      rankingTitle={t("provincesRanked")}
      countsTitle={t("statusCountsNation")}
    />
  );
}
