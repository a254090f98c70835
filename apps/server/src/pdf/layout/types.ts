import type { RouterOutputs } from "@pulse/api";
import type { Locale, PaceStatus, SeriesPoint } from "@pulse/indicators";

/** What the document lays out: words and numbers already in the report's language. */
export type Progress = RouterOutputs["progress"];
export type Unit = Progress["province"]["communes"][number];
export type Total = Progress["province"]["total"];
export type Campaign = Progress["nation"]["campaign"];
export type Village = Progress["commune"]["villages"][number];

export type Tone = PaceStatus | "none" | "flagged";
export type Align = "left" | "right";

export interface Column {
  label: string;
  /** width in points; the unit name column takes what is left */
  width: number | "rest";
  align: Align;
}
export interface Cell {
  text: string;
  tone?: Tone;
}
export interface TableLayout {
  columns: Column[];
  rows: Cell[][];
  total: Cell[] | null;
}
export interface Bar {
  label: string;
  /** the rate in tenths of a percent; null without a denominator */
  tenths: number | null;
  text: string;
  tone: Tone;
}
export interface RateChartLayout {
  title: string;
  note: string;
  bars: Bar[];
  /** the campaign's target rate in tenths of a percent */
  targetTenths: number | null;
  /** too many units to label: one thin column each, highest first */
  ranked: boolean;
  rankedAxis: string;
}
export interface CumulativeChartLayout {
  title: string;
  note: string;
  points: SeriesPoint[];
  yTicks: { value: number; label: string }[];
  xLabels: { index: number; label: string }[];
  legend: { activated: string; target: string };
}
export interface Kpi {
  label: string;
  value: string;
  detail: string;
  tone?: Tone;
}
export interface AnnexGroup {
  start: number;
  heading: string;
  continued: string;
}
export interface AnnexLayout {
  title: string;
  intro: string;
  table: TableLayout;
  /** row index in `table.rows` where each province starts, its heading, and the heading of a page that continues it */
  groups: AnnexGroup[];
}

/** Everything a PDF page shows, as text and numbers: built from the API's answers, laid out by the document. */
export interface ReportLayout {
  lang: Locale;
  header: {
    parent: string | null;
    issuer: string[];
    /** "Số: ……/BC": the number the office gives the report when it sends it */
    number: string;
    republic: string;
    motto: string;
    placeDate: string;
  };
  /** the closing block: recipients on the left, the preparer's signature on the right */
  closing: { recipients: string; list: string[]; preparer: string; signHint: string };
  kind: string;
  title: string;
  scope: string;
  campaign: string;
  generated: string;
  demo: string | null;
  sections: { kpi: string; charts: string; units: string; definitions: string };
  kpis: Kpi[];
  paceCounts: { label: string; items: { label: string; count: string; tone: Tone }[] } | null;
  rateChart: RateChartLayout;
  cumulative: CumulativeChartLayout | { title: string; empty: string };
  unitsCaption: string;
  table: TableLayout;
  teams: { caption: string; table: TableLayout } | null;
  definitions: string[];
  annex: AnnexLayout | null;
  footer: string;
  /** "Trang {page}/{pages}" with the numbers left to fill */
  pageLabel: { before: string; between: string; after: string };
}
