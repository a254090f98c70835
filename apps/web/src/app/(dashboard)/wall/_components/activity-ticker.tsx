"use client";

import type { RouterOutputs } from "@pulse/api";
import { lateness } from "@pulse/indicators";
import { COUNTER_KEYS } from "@pulse/schema";
import { ACTIVITY_ITEMS } from "@pulse/schema/live";
import { useTranslations } from "next-intl";
import { useRecentActivity, type LiveView } from "../../../../live/use-live-progress";
import { useWallFormat } from "./wall-format";

type Item = RouterOutputs["reports"]["recent"][number];

/**
 * The newest reports of the view, one line each — where (village or commune), what was counted,
 * when — never a person. Kept current by the same pushes as the figures.
 */
export function ActivityTicker({ view }: { view: LiveView }) {
  const t = useTranslations("wall");
  const { count, when } = useWallFormat();
  const { data } = useRecentActivity(view);
  const describe = (item: Item) =>
    COUNTER_KEYS.flatMap((key) => {
      const value = item.counters[key];
      // An increment of nothing says nothing; a snapshot of 0 does.
      if (value === undefined || (value === 0 && item.mode !== "snapshot")) return [];
      const figure = item.mode === "snapshot" ? `${count(value)} (${t("counters.snapshot")})` : `+${count(value)}`;
      return [`${figure} ${t(`counters.${key}`)}`];
    }).join(", ") || t("tickerNoChange");
  const place = (item: Item) =>
    item.villageName === null
      ? item.communeName
      : view.kind === "commune"
        ? item.villageName
        : `${item.villageName}, ${item.communeName}`;
  const items = (data ?? []).slice(0, ACTIVITY_ITEMS);
  return (
    <section aria-label={t("ticker")} className="flex min-w-0 items-center gap-[1.5em] text-[1.15em]">
      <h2 className="shrink-0 font-semibold text-slate-300">{t("ticker")}</h2>
      {items.length === 0 && <p className="text-slate-400">{t("tickerEmpty")}</p>}
      <ol className="grid min-w-0 flex-1 grid-cols-3 gap-[1.5em]" data-ticker>
        {items.map((item) => (
          <li key={item.id} data-report-id={item.id} className="min-w-0 truncate">
            <span className="mr-[0.4em] text-slate-400 tabular-nums">{when(item.receivedAt)}</span>
            {t("tickerItem", { place: place(item), what: describe(item) })}
            {item.correctsId !== null && <span className="ml-[0.4em] text-amber-300">({t("tickerCorrection")})</span>}
            <Late item={item} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/** "(gửi muộn 3 giờ)": a report that reached the ledger long after the moment it describes. */
function Late({ item }: { item: Item }) {
  const t = useTranslations("wall");
  const late = lateness(item.asOf, item.receivedAt);
  if (!late) return null;
  return (
    <span className="ml-[0.4em] text-sky-300" data-late>
      ({t("tickerLate", late)})
    </span>
  );
}
