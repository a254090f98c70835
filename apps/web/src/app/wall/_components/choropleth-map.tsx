"use client";

import type { Rate } from "@pulse/indicators";
import { useQuery } from "@tanstack/react-query";
import { geoMercator, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { NO_DATA_COLOR, RATE_BINS, rateColor, useWallFormat } from "./wall-format";

type UnitProperties = { code: string; name: string; nameEn: string; fullName?: string };
type UnitFeature = Feature<Geometry, UnitProperties>;

const SIZE = 1000;

/** The shipped boundaries (public/geo, from ../shared/data/geo): the 34 provinces, or one province's communes. */
export function geoUrl(provinceCode: string | null): string {
  return provinceCode ? `/geo/communes/${provinceCode}.topo.json` : "/geo/provinces.topo.json";
}

function useBoundaries(url: string) {
  return useQuery({
    queryKey: ["geo", url],
    staleTime: Infinity,
    queryFn: async () => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      const topology = (await response.json()) as Topology<{ layer: GeometryCollection<UnitProperties> }>;
      return feature(topology, topology.objects.layer) as FeatureCollection<Geometry, UnitProperties>;
    },
  });
}

/**
 * Units coloured by activation rate on a light-to-dark scale (readable without colour vision),
 * with a legend; each unit names itself and its rate on hover and to screen readers.
 */
export function ChoroplethMap({
  url,
  rates,
  className,
}: {
  url: string;
  rates: ReadonlyMap<string, Rate>;
  className?: string;
}) {
  const t = useTranslations("wall");
  const { rate, locale } = useWallFormat();
  const { data } = useBoundaries(url);
  // Projected once per boundary file: live updates only recolour.
  const shapes = useMemo(() => {
    if (!data) return [];
    const path = geoPath(geoMercator().fitSize([SIZE, SIZE], data));
    return data.features.map((f: UnitFeature) => ({ properties: f.properties, d: path(f) ?? "" }));
  }, [data]);
  return (
    <figure className={`flex min-h-0 flex-col ${className ?? ""}`}>
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        className="min-h-0 w-full flex-1"
        role="img"
        aria-label={t("mapTitle")}
        data-map
      >
        {shapes.map(({ properties, d }) => {
          const unitRate = rates.get(properties.code);
          const label = `${locale === "vi" ? (properties.fullName ?? properties.name) : properties.nameEn}: ${unitRate ? rate(unitRate) : t("mapNoData")}`;
          return (
            <path
              key={properties.code}
              d={d}
              fill={unitRate ? rateColor(unitRate) : NO_DATA_COLOR}
              stroke="#0b1220"
              strokeWidth={1}
            >
              <title>{label}</title>
            </path>
          );
        })}
      </svg>
      <figcaption className="mt-[0.4em] flex flex-wrap items-center gap-x-[0.8em] text-[1em] text-slate-300">
        <span>{t("mapLegend")}</span>
        {RATE_BINS.map((bin, i) => (
          <span key={bin.from} className="flex items-center gap-[0.3em]">
            <span
              className="inline-block h-[0.9em] w-[1.4em] rounded-sm"
              style={{ background: bin.color }}
              aria-hidden
            />
            {RATE_BINS[i + 1] ? `${bin.from / 10}–${(RATE_BINS[i + 1]?.from ?? 0) / 10}%` : `≥ ${bin.from / 10}%`}
          </span>
        ))}
        <span className="flex items-center gap-[0.3em]">
          <span
            className="inline-block h-[0.9em] w-[1.4em] rounded-sm"
            style={{ background: NO_DATA_COLOR }}
            aria-hidden
          />
          {t("mapNoData")}
        </span>
      </figcaption>
    </figure>
  );
}
