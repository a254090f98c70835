import { targetRateOf, type Rate, type SeriesPoint } from "@pulse/indicators";
import type { Bar, Campaign, RateChartLayout, ReportLayout, Tone, Unit, Village } from "./types";
import type { Format } from "./format";

/** Bars highest first (ties by name), named when they fit, ranked columns when they do not. */
function barChart(
  f: Format,
  items: { label: string; rate: Rate; tone: Tone }[],
  text: { title: string; rankedTitle: string; note: string },
  target: Rate | null,
): RateChartLayout {
  const bars: Bar[] = items
    .map(({ label, rate, tone }) => ({ label, tenths: rate.tenths, text: f.rate(rate), tone }))
    .sort((a, b) => (b.tenths ?? -1) - (a.tenths ?? -1) || a.label.localeCompare(b.label, f.lang));
  const isRanked = bars.length > MAX_LABELLED_BARS;
  return {
    title: isRanked ? text.rankedTitle : text.title,
    note: text.note,
    bars,
    targetTenths: target?.tenths ?? null,
    ranked: isRanked,
    rankedAxis: f.t("pdf.rankedAxis"),
  };
}

/** Figure 1 of a nation or province: each unit's activation rate against the campaign's target. */
export function rateChartOf(f: Format, units: Unit[], campaign: Campaign): RateChartLayout {
  const target = campaign ? targetRateOf(campaign) : null;
  return barChart(
    f,
    units.map((u) => ({
      label: f.fullName(u),
      rate: u.indicators.activationRate,
      tone: u.indicators.pace?.status ?? "none",
    })),
    {
      title: f.t("pdf.rateChart"),
      rankedTitle: f.t("pdf.rateChartRanked", { count: f.count(units.length) }),
      note: f.t("pdf.rateChartNote", { target: target ? f.rate(target) : "—" }),
    },
    target,
  );
}

/** Figure 1 of a commune: households visited door to door in each village. */
export function visitChartOf(f: Format, villages: Village[]): RateChartLayout {
  const title = f.t("pdf.visitChart");
  return barChart(
    f,
    villages.map((v) => ({ label: v.name, rate: v.visitCoverage, tone: "none" })),
    { title, rankedTitle: title, note: f.t("pdf.definitions.visitCoverage") },
    null,
  );
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
