"use client";

import { useTranslations } from "next-intl";
import { useLiveProgress } from "../../../../live/use-live-progress";
import { Freshness } from "./freshness";
import { RankedPages } from "./ranked-pages";
import { useCommuneDetail } from "../../../../live/use-commune-detail";
import { VillageList } from "./village-list";
import { WallFrame } from "./wall-frame";
import { WallMessage } from "./wall-message";
import { useWallFormat } from "./wall-format";

/** Every village of a commune, most behind first, paged when they do not fit one screen. */
export function VillagesWall({ code }: { code: string }) {
  const t = useTranslations("wall");
  const { name } = useWallFormat();
  const { commune } = useLiveProgress({ kind: "commune", code });
  const detail = useCommuneDetail(code);
  const unit = commune.data?.[0];
  if (!unit || !detail.data) return <WallMessage failed={commune.isError || detail.isError} />;
  return (
    <WallFrame
      title={name(unit)}
      subtitle={t("villagesAll")}
      isDemo={unit.isDemo}
      footer={
        <Freshness lastReportAt={unit.lastReportAt} reported={unit.villagesReported} total={unit.villagesTotal} />
      }
    >
      <RankedPages items={detail.data.villages} rowEm={4} columns={3}>
        {(page) => <VillageList title="" villages={page} columns={3} />}
      </RankedPages>
    </WallFrame>
  );
}
