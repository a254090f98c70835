import type { Locale, SeriesPoint } from "@pulse/indicators";
import type { Campaign, RateChartLayout, ReportLayout, Unit } from "./types";
import { targetText, tenthsOf, unitName, type Format } from "./format";
import { ranked } from "./tables";

export function rateChartOf(f: Format, units: Unit[], campaign: Campaign, lang: Locale): RateChartLayout {
  const bars = ranked(units, lang).map((u) => ({
    label: unitName(u, lang),
    tenths: tenthsOf(u.indicators.activationRate),
    text: f.rate(u.indicators.activationRate),
    tone: u.indicators.pace?.status ?? ("none" as const),
  }));
  const targetTenths = campaign ? Math.round(campaign.targetRate * 1000) : null;
  const isRanked = bars.length > MAX_LABELLED_BARS;
  return {
    title: isRanked ? f.t("pdf.rateChartRanked", { count: f.count(bars.length) }) : f.t("pdf.rateChart"),
    note: f.t("pdf.rateChartNote", { target: campaign ? targetText(campaign.targetRate, lang) : "—" }),
    bars,
    targetTenths,
    ranked: isRanked,
    rankedAxis: f.t("pdf.rankedAxis"),
  };
}

/** Above this many units a bar chart with names would not fit a page: ranked columns instead. */
export const MAX_LABELLED_BARS = 40;

/** Round axis steps: 1, 2 or 5 times a power of ten, about four of them. */
export function axisTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const ticks: number[] = [];
  for (let value = 0; value < max + step; value += step) ticks.push(value);
  return ticks;
}

export function cumulativeOf(f: Format, series: SeriesPoint[]): ReportLayout["cumulative"] {
  const title = f.t("pdf.cumulativeChart");
  if (series.length === 0) return { title, empty: f.t("pdf.noSeries") };
  const max = Math.max(...series.map((p) => Math.max(p.activated, p.targetLine)));
  const last = series.length - 1;
  const middle = Math.floor(last / 2);
  return {
    title,
    note: f.t("pdf.cumulativeNote"),
    points: series,
    yTicks: axisTicks(max).map((value) => ({ value, label: f.count(value) })),
    xLabels: [...new Set([0, middle, last])].map((index) => ({ index, label: f.shortDay(series[index]?.day ?? "") })),
    legend: { activated: f.t("command.cumulativeActivated"), target: f.t("command.target") },
  };
}
