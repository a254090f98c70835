"use client";

import type { RouterOutputs } from "@pulse/api";
import { useTranslations } from "next-intl";
import { useWallFormat } from "./wall-format";

type Village = RouterOutputs["progress"]["commune"]["villages"][number];

/** Villages as rows: name, share of households visited (bar and figure), activations, team. */
export function VillageList({
  villages,
  title,
  columns = 1,
}: {
  villages: Village[];
  title: string;
  columns?: 1 | 2 | 3;
}) {
  const t = useTranslations("wall");
  const { count, rate } = useWallFormat();
  const grid = { 1: "grid-cols-1", 2: "grid-cols-2", 3: "grid-cols-3" }[columns];
  return (
    <section className="min-w-0">
      <h2 className="mb-[0.4em] text-[1.3em] font-semibold text-slate-300">{title}</h2>
      <ol className={`grid ${grid} gap-x-[2em] gap-y-[0.35em]`}>
        {villages.map((v) => (
          <li
            key={v.code}
            data-village={v.code}
            className="grid grid-cols-[1fr_auto] items-baseline gap-x-[0.8em] text-[1.2em]"
          >
            <span className="truncate">{v.name}</span>
            <span className="font-semibold tabular-nums">
              {rate(v.visitCoverage)}{" "}
              <span className="text-[0.8em] font-normal text-slate-400">{t("visitCoverage")}</span>
            </span>
            <span className="col-span-2 flex items-center gap-[0.6em] text-[0.85em] text-slate-400">
              <span className="h-[0.45em] flex-1 overflow-hidden rounded bg-slate-700">
                <span
                  className="block h-full bg-sky-400"
                  style={{ width: `${Math.min(100, (v.visitCoverage.tenths ?? 0) / 10)}%` }}
                />
              </span>
              <span className="tabular-nums">
                {count(v.eidL2Activated)} {t("counters.eidL2Activated")}
              </span>
              {!v.hasTeam && <span className="text-amber-300">{t("noTeam")}</span>}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
