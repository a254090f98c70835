"use client";

import { formatRate, type Locale, type Rate } from "@pulse/indicators";
import { useQuery } from "@tanstack/react-query";
import { geoMercator, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { memo, useMemo, useState } from "react";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { NO_DATA_COLOR, RATE_BINS, rateColor } from "./rate-scale";

type UnitProperties = { code: string; name: string; nameEn: string; fullName?: string };
type UnitFeature = Feature<Geometry, UnitProperties>;

const SIZE = 1000;

/** The shipped boundaries (public/geo, from ../shared/data/geo): the 34 provinces, or one province's communes. */
export function geoUrl(provinceCode: string | null): string {
  return provinceCode ? `/geo/communes/${provinceCode}.topo.json` : "/geo/provinces.topo.json";
}

/** The units of a boundary file: its one object, whatever the file names it ("layer", "2", …). */
export function unitsOf(topology: Topology): FeatureCollection<Geometry, UnitProperties> {
  const [layer] = Object.values(topology.objects) as GeometryCollection<UnitProperties>[];
  if (!layer) throw new Error("boundary file without an object");
  return feature(topology, layer) as FeatureCollection<Geometry, UnitProperties>;
}

function useBoundaries(url: string) {
  return useQuery({
    queryKey: ["geo", url],
    staleTime: Infinity,
    queryFn: async () => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return unitsOf((await response.json()) as Topology);
    },
  });
}

const THEMES = {
  dark: { stroke: "#0b1220", text: "text-slate-300", active: "#f8fafc" },
  light: { stroke: "#ffffff", text: "text-slate-700", active: "#0f172a" },
} as const;

/**
 * Units coloured by activation rate on a light-to-dark scale (readable without colour vision),
 * with a legend. Each unit names itself and its rate on hover; with `linkPrefix`, units are links
 * reached with Tab, and the one hovered or focused is read out below the map.
 */
export const ChoroplethMap = memo(function ChoroplethMap({
  url,
  rates,
  theme,
  linkPrefix,
  className,
}: {
  url: string;
  rates: ReadonlyMap<string, Rate>;
  theme: keyof typeof THEMES;
  /** units link to `${linkPrefix}${code}` */
  linkPrefix?: string;
  className?: string;
}) {
  const t = useTranslations("wall");
  const locale = useLocale() as Locale;
  const colors = THEMES[theme];
  const { data } = useBoundaries(url);
  const [active, setActive] = useState<string | null>(null);
  // Projected once per boundary file: live updates only recolour.
  const shapes = useMemo(() => {
    if (!data) return [];
    const path = geoPath(geoMercator().fitSize([SIZE, SIZE], data));
    return data.features.map((f: UnitFeature) => ({ properties: f.properties, d: path(f) ?? "" }));
  }, [data]);
  const labelOf = (properties: UnitProperties) => {
    const unitRate = rates.get(properties.code);
    const name = locale === "vi" ? (properties.fullName ?? properties.name) : properties.nameEn;
    return `${name}: ${unitRate ? formatRate(unitRate, locale) : t("mapNoData")}`;
  };
  const activeShape = shapes.find((s) => s.properties.code === active);
  return (
    <figure className={`flex min-h-0 flex-col ${className ?? ""}`}>
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        className="min-h-0 w-full flex-1"
        role="group"
        aria-label={t("mapTitle")}
        data-map
      >
        {shapes.map(({ properties, d }) => {
          const unitRate = rates.get(properties.code);
          const shape = (
            <path
              d={d}
              fill={unitRate ? rateColor(unitRate) : NO_DATA_COLOR}
              stroke={active === properties.code ? colors.active : colors.stroke}
              strokeWidth={active === properties.code ? 3 : 1}
            >
              <title>{labelOf(properties)}</title>
            </path>
          );
          return linkPrefix ? (
            <Link
              key={properties.code}
              href={`${linkPrefix}${properties.code}`}
              prefetch={false}
              aria-label={labelOf(properties)}
              data-map-unit={properties.code}
              onMouseEnter={() => setActive(properties.code)}
              onFocus={() => setActive(properties.code)}
              onMouseLeave={() => setActive(null)}
              onBlur={() => setActive(null)}
            >
              {shape}
            </Link>
          ) : (
            <g key={properties.code} data-map-unit={properties.code}>
              {shape}
            </g>
          );
        })}
      </svg>
      {linkPrefix && (
        <p aria-live="polite" className={`min-h-[1.5em] text-sm font-semibold ${colors.text}`}>
          {activeShape ? labelOf(activeShape.properties) : ""}
        </p>
      )}
      <MapLegend textClass={colors.text} />
    </figure>
  );
});

/** The rate bins and the no-data swatch under the map. */
function MapLegend({ textClass }: { textClass: string }) {
  const t = useTranslations("wall");
  return (
    <figcaption className={`mt-[0.4em] flex flex-wrap items-center gap-x-[0.8em] text-[1em] ${textClass}`}>
      <span>{t("mapLegend")}</span>
      {RATE_BINS.map((bin, i) => (
        <span key={bin.from} className="flex items-center gap-[0.3em]">
          <span className="inline-block h-[0.9em] w-[1.4em] rounded-sm" style={{ background: bin.color }} aria-hidden />
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
  );
}
