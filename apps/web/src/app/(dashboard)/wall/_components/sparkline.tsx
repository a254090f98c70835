"use client";

import type { RouterOutputs } from "@pulse/api";
import { useTranslations } from "next-intl";
import { useWallFormat } from "./wall-format";

type Series = RouterOutputs["progress"]["commune"]["series"];

const WIDTH = 600;
const HEIGHT = 160;

/** The cumulative activations over the campaign (solid) against the target line (dashed). */
export function Sparkline({ series }: { series: Series }) {
  const t = useTranslations("wall");
  const { count } = useWallFormat();
  if (series.length < 2) return null;
  const top = Math.max(1, ...series.map((p) => Math.max(p.activated, p.targetLine)));
  const x = (i: number) => (i / (series.length - 1)) * WIDTH;
  const y = (v: number) => HEIGHT - (v / top) * (HEIGHT - 8) - 4;
  const line = (key: "activated" | "targetLine") =>
    series.map((p, i) => `${x(i).toFixed(1)},${y(p[key]).toFixed(1)}`).join(" ");
  const last = series.at(-1);
  return (
    <figure className="flex min-h-0 min-w-0 flex-col">
      <figcaption className="flex justify-between text-[1.05em] text-slate-300">
        <span>{t("trend")}</span>
        <span className="text-slate-400">- - {t("trendTarget")}</span>
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="min-h-[5em] w-full flex-1"
        preserveAspectRatio="none"
        role="img"
        aria-label={`${t("trend")}: ${count(last?.activated ?? 0)}`}
      >
        <polyline
          points={line("targetLine")}
          fill="none"
          stroke="#94a3b8"
          strokeWidth="2"
          strokeDasharray="8 6"
          vectorEffect="non-scaling-stroke"
        />
        <polyline
          points={line("activated")}
          fill="none"
          stroke="#34d399"
          strokeWidth="3"
          vectorEffect="non-scaling-stroke"
        />
      </svg>
    </figure>
  );
}
