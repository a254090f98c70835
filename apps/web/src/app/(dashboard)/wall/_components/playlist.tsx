"use client";

import { CAMPAIGN_TIME_ZONE } from "@pulse/indicators";
import { useTranslations } from "next-intl";
import { useEffect, useState, useSyncExternalStore } from "react";
import { withinHours, type PlaylistParams, type PlaylistView } from "../playlist-views";
import { CommuneWall } from "./commune-wall";
import { ScopeWall } from "./scope-wall";
import { VillagesWall } from "./villages-wall";
import { Clock } from "./wall-frame";

function Wall({ view }: { view: PlaylistView }) {
  if (view.kind === "nation") return <ScopeWall provinceCode={null} />;
  if (view.kind === "province") return <ScopeWall provinceCode={view.code} />;
  if (view.kind === "villages") return <VillagesWall code={view.code} />;
  return <CommuneWall code={view.code} />;
}

const hcmClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: CAMPAIGN_TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const everyThirtySeconds = (tick: () => void) => {
  const timer = setInterval(tick, 30_000);
  return () => clearInterval(timer);
};
const nowHhmm = () => hcmClock.format(new Date());

/**
 * Shows each view for `every` seconds, in turn, for ever; only the view on screen is mounted, so
 * nothing piles up over days. Outside the on/off hours, a dark screen with a clock.
 */
export function Playlist({ views, every, on, off }: PlaylistParams) {
  const t = useTranslations("wall");
  const [index, setIndex] = useState(0);
  const now = useSyncExternalStore(everyThirtySeconds, nowHhmm, () => null);
  const dark = on !== undefined && off !== undefined && now !== null && !withinHours(now, on, off);
  useEffect(() => {
    if (dark || views.length < 2) return;
    const timer = setInterval(() => setIndex((i) => (i + 1) % views.length), every * 1_000);
    return () => clearInterval(timer);
  }, [dark, every, views.length]);
  if (dark)
    return (
      <div
        className="grid h-screen w-screen place-items-center bg-black text-slate-500"
        style={{ fontSize: "min(1vw, 1.78vh)" }}
        data-off-hours
      >
        <div className="text-center">
          <p className="text-[8em] font-bold">
            <Clock />
          </p>
          <p className="text-[1.6em]">{t("offHours", { time: on })}</p>
        </div>
      </div>
    );
  const view = views[index % views.length] ?? views[0];
  return <div data-playlist-index={index % views.length}>{view && <Wall key={`${index}`} view={view} />}</div>;
}
