import type { RouterOutputs } from "@pulse/api";
import {
  formatCount,
  formatRate,
  rateOf,
  type Locale,
  type PaceStatus,
  type Rate,
  type SeriesPoint,
  type UnitIndicators,
} from "@pulse/indicators";
import { MESSAGES } from "@pulse/messages";
import { createTranslator } from "use-intl/core";
import type { ReportInput } from "./report-input";

type Progress = RouterOutputs["progress"];
type Unit = Progress["province"]["communes"][number];
type Total = Progress["province"]["total"];
type Campaign = Progress["nation"]["campaign"];
type Village = Progress["commune"]["villages"][number];

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

const INTL_LOCALE: Record<Locale, string> = { vi: "vi-VN", en: "en-GB" };
const TIME_ZONE = "Asia/Ho_Chi_Minh";
/** An ISO day as an instant inside that day in Viet Nam, for date formatting. */
const noonOf = (day: string) => new Date(`${day}T12:00:00+07:00`);
const STATUSES: readonly PaceStatus[] = ["done", "on_track", "at_risk", "behind"];

function formatters(lang: Locale) {
  const t = createTranslator({ locale: lang, messages: MESSAGES[lang] });
  // 26/11/2026 in both languages (en-GB): a table column has room for no more.
  const dayFormat = new Intl.DateTimeFormat(INTL_LOCALE[lang], {
    timeZone: TIME_ZONE,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  });

  const time = new Intl.DateTimeFormat(INTL_LOCALE[lang], { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit" });
  return {
    t,
    count: (n: number) => formatCount(n, lang),
    rate: (r: Rate) => formatRate(r, lang),
    day: (iso: string) => dayFormat.format(noonOf(iso)),
    /** "26/11": the axis of a chart */
    shortDay: (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}`,
    time: (at: Date) => time.format(at),
    date: (at: Date) => dayFormat.format(at),
    status: (indicators: UnitIndicators) => t(`status.${indicators.pace?.status ?? "none"}`),
  };
}
type Format = ReturnType<typeof formatters>;

const upper = (text: string, lang: Locale) => text.toLocaleUpperCase(lang).normalize("NFC");
const tenthsOf = (rate: Rate) => rate.tenths;

function placeDate(f: Format, lang: Locale, place: string, at: Date): string {
  const parts = new Intl.DateTimeFormat(INTL_LOCALE[lang], {
    timeZone: TIME_ZONE,
    day: "numeric",
    month: lang === "vi" ? "numeric" : "long",
    year: "numeric",
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return f.t("pdf.placeDate", {
    place,
    day: part("day"),
    month: part("month"),
    year: part("year"),
  });
}

function campaignLine(f: Format, lang: Locale, campaign: Campaign): string {
  if (!campaign) return f.t("pdf.noCampaign");
  return f.t("pdf.campaign", {
    name: lang === "vi" ? campaign.name : campaign.nameEn,
    start: f.day(campaign.startsOn),
    deadline: f.day(campaign.deadline),
    target: targetText(campaign.targetRate, lang),
  });
}

/** A campaign's target share (0..1) written as the rates are. */
const targetText = (targetRate: number, lang: Locale) => formatRate(rateOf(Math.round(targetRate * 1000), 1000), lang);

function kpisOf(f: Format, total: Total, campaign: Campaign): Kpi[] {
  const { indicators: ind } = total;
  const pace = ind.pace;
  return [
    {
      label: f.t("command.kpi.rate"),
      value: f.rate(ind.activationRate),
      detail: `${f.count(total.eidL2Activated)} / ${f.count(total.eligible)}`,
      tone: ind.overEligible ? "flagged" : undefined,
    },
    {
      label: f.t("command.kpi.activated"),
      value: f.count(total.eidL2Activated),
      detail: f.t("pdf.ofEligible", { eligible: f.count(total.eligible) }),
    },
    {
      label: f.t("pdf.registered"),
      value: f.count(total.eidL2Registered),
      detail: f.rate(ind.registrationRate),
    },
    {
      label: f.t("pdf.last7Days"),
      value: f.count(total.activatedLast7Days),
      detail: f.t("pdf.perDay", { count: f.count(Math.round(total.activatedLast7Days / 7)) }),
    },
    {
      label: f.t("command.kpi.teamCoverage"),
      value: f.rate(ind.teamCoverage),
      detail: f.t("pdf.villagesWithTeam", {
        withTeam: f.count(total.villagesWithTeam),
        total: f.count(total.villagesTotal),
      }),
    },
    {
      label: f.t("command.kpi.pace"),
      value: f.status(ind),
      detail: pace
        ? f.t("pdf.requiredPerDay", {
            required: pace.requiredPerDay === null ? "—" : f.count(Math.ceil(pace.requiredPerDay)),
            current: f.count(Math.round(pace.currentPerDay)),
          })
        : f.t("pdf.noCampaign"),
      tone: pace?.status ?? "none",
    },
    {
      label: f.t("command.columns.forecast"),
      value: pace?.forecast ? f.day(pace.forecast) : "—",
      detail: campaign ? f.t("pdf.deadline", { date: f.day(campaign.deadline) }) : "",
    },
    {
      label: f.t("pdf.supportStaff"),
      value: f.count(total.supportStaff),
      detail: ind.supportStaffFlagged ? f.t("flags.supportStaff") : "",
      tone: ind.supportStaffFlagged ? "flagged" : undefined,
    },
  ];
}

function paceCountsOf(f: Format, units: Unit[]) {
  return {
    label: f.t("pdf.paceCounts"),
    items: STATUSES.map((status) => ({
      label: f.t(`status.${status}`),
      count: f.count(units.filter((u) => u.indicators.pace?.status === status).length),
      tone: status,
    })),
  };
}

/** Most advanced first; units without a denominator last; ties by name. */
function ranked(units: Unit[], lang: Locale): Unit[] {
  const key = (u: Unit) => tenthsOf(u.indicators.activationRate) ?? -1;
  return [...units].sort((a, b) => key(b) - key(a) || a.fullName.localeCompare(b.fullName, lang));
}

const unitName = (u: Pick<Unit, "fullName" | "fullNameEn">, lang: Locale) =>
  lang === "vi" ? u.fullName : u.fullNameEn;

type UnitColumn =
  | "number"
  | "unit"
  | "eligible"
  | "registered"
  | "activated"
  | "rate"
  | "last7Days"
  | "teamCoverage"
  | "status"
  | "requiredPerDay"
  | "forecast";

/** Every measure of a unit; the annex leaves out dossiers and team coverage to give names room. */
const UNIT_COLUMNS: readonly UnitColumn[] = [
  "number",
  "unit",
  "eligible",
  "registered",
  "activated",
  "rate",
  "last7Days",
  "teamCoverage",
  "status",
  "requiredPerDay",
  "forecast",
];
const ANNEX_COLUMNS: readonly UnitColumn[] = [
  "number",
  "unit",
  "eligible",
  "activated",
  "rate",
  "last7Days",
  "status",
  "requiredPerDay",
  "forecast",
];

/** Widths in points (A4 less margins: 511 pt); the unit's name takes the rest. */
const WIDTHS: Record<UnitColumn, number | "rest"> = {
  number: 18,
  unit: "rest",
  eligible: 42,
  registered: 42,
  activated: 42,
  rate: 31,
  last7Days: 28,
  teamCoverage: 31,
  status: 60,
  requiredPerDay: 36,
  forecast: 42,
};

function unitColumns(f: Format, keys: readonly UnitColumn[]): Column[] {
  const label = (key: UnitColumn) =>
    key === "number" ? f.t("pdf.number") : key === "registered" ? f.t("pdf.registered") : f.t(`command.columns.${key}`);
  return keys.map((key) => ({
    label: label(key),
    width: WIDTHS[key],
    align: key === "unit" || key === "status" ? "left" : "right",
  }));
}

function unitCells(f: Format, keys: readonly UnitColumn[], number: string, name: string, u: Unit | Total): Cell[] {
  const { indicators: ind } = u;
  const pace = ind.pace;
  const cell = (key: UnitColumn): Cell => {
    switch (key) {
      case "number":
        return { text: number };
      case "unit":
        return { text: name };
      case "eligible":
        return { text: f.count(u.eligible) };
      case "registered":
        return { text: f.count(u.eidL2Registered) };
      case "activated":
        return { text: f.count(u.eidL2Activated) };
      case "rate":
        return { text: f.rate(ind.activationRate), tone: ind.overEligible ? "flagged" : undefined };
      case "last7Days":
        return { text: f.count(u.activatedLast7Days) };
      case "teamCoverage":
        return { text: f.rate(ind.teamCoverage) };
      case "status":
        return { text: f.status(ind), tone: pace?.status ?? "none" };
      case "requiredPerDay":
        return { text: pace?.requiredPerDay == null ? "—" : f.count(Math.ceil(pace.requiredPerDay)) };
      case "forecast":
        return { text: pace?.forecast ? f.day(pace.forecast) : "—" };
    }
  };
  return keys.map(cell);
}

function unitTable(f: Format, lang: Locale, units: Unit[], total: Total): TableLayout {
  return {
    columns: unitColumns(f, UNIT_COLUMNS),
    rows: ranked(units, lang).map((u, i) => unitCells(f, UNIT_COLUMNS, f.count(i + 1), unitName(u, lang), u)),
    total: unitCells(f, UNIT_COLUMNS, "", f.t("pdf.total"), total),
  };
}

function rateChartOf(f: Format, units: Unit[], campaign: Campaign, lang: Locale): RateChartLayout {
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

function cumulativeOf(f: Format, series: SeriesPoint[]): ReportLayout["cumulative"] {
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

function villageTable(f: Format, villages: Village[]): TableLayout {
  const c = (key: string) => f.t(`command.columns.${key}` as "command.columns.unit");
  return {
    columns: [
      { label: f.t("pdf.number"), width: 18, align: "right" },
      { label: c("unit"), width: "rest", align: "left" },
      { label: f.t("pdf.households"), width: 48, align: "right" },
      { label: c("visitCoverage"), width: 52, align: "right" },
      { label: f.t("pdf.registered"), width: 52, align: "right" },
      { label: c("activated"), width: 52, align: "right" },
      { label: f.t("pdf.trained"), width: 52, align: "right" },
      { label: c("team"), width: 62, align: "left" },
    ],
    rows: villages.map((v, i) => [
      { text: f.count(i + 1) },
      { text: v.name },
      { text: v.households === null ? "—" : f.count(v.households) },
      { text: f.rate(v.visitCoverage), tone: v.visitCoverage.flagged ? "flagged" : undefined },
      { text: f.count(v.eidL2Registered) },
      { text: f.count(v.eidL2Activated) },
      { text: f.count(v.peopleTrained) },
      { text: v.hasTeam ? f.t("pdf.yes") : f.t("pdf.no"), tone: v.hasTeam ? "done" : "behind" },
    ]),
    total: null,
  };
}

const TEAM_KINDS = ["community_team", "mobile_point", "support_staff"] as const;

/** A commune's teams by kind: how many, how many people, how many villages they serve (the screen lists each). */
function teamTable(f: Format, teams: Progress["commune"]["teams"]): TableLayout {
  const c = (key: string) => f.t(`command.teamColumns.${key}` as "command.teamColumns.name");
  const rowOf = (label: string, of: typeof teams): Cell[] => [
    { text: label },
    { text: f.count(of.length) },
    { text: f.count(of.reduce((n, t) => n + t.members, 0)) },
    { text: f.count(new Set(of.flatMap((t) => (t.villageCode ? [t.villageCode] : []))).size) },
  ];
  return {
    columns: [
      { label: c("kind"), width: "rest", align: "left" },
      { label: f.t("pdf.teamCount"), width: 70, align: "right" },
      { label: c("members"), width: 70, align: "right" },
      { label: f.t("pdf.teamVillages"), width: 110, align: "right" },
    ],
    rows: TEAM_KINDS.map((kind) =>
      rowOf(
        f.t(`command.teamKinds.${kind}`),
        teams.filter((t) => t.kind === kind),
      ),
    ),
    total: rowOf(f.t("pdf.total"), teams),
  };
}

function annexOf(f: Format, lang: Locale, input: Extract<ReportInput, { kind: "nation" }>): AnnexLayout | null {
  if (!input.annex) return null;
  const names = new Map(input.nation.provinces.map((p) => [p.code, unitName(p, lang)]));
  const rows: Cell[][] = [];
  const groups: AnnexLayout["groups"] = [];
  let communes = 0;
  for (const province of input.annex.provinces) {
    const sorted = [...province.communes].sort((a, b) => unitName(a, lang).localeCompare(unitName(b, lang), lang));
    const name = names.get(province.code) ?? province.code;
    groups.push({
      start: rows.length,
      heading: `${name} (${f.count(sorted.length)})`,
      continued: f.t("pdf.continued", { name }),
    });
    for (const [i, u] of sorted.entries()) {
      rows.push(unitCells(f, ANNEX_COLUMNS, f.count(i + 1), unitName(u, lang), u));
    }
    communes += sorted.length;
  }
  return {
    title: f.t("pdf.annexTitle"),
    intro: f.t("pdf.annexIntro", { communes: f.count(communes) }),
    table: { columns: unitColumns(f, ANNEX_COLUMNS), rows, total: null },
    groups,
  };
}

const DEFINITIONS = [
  "eligible",
  "registered",
  "activated",
  "rate",
  "rounding",
  "teamCoverage",
  "supportStaff",
  "pace",
  "status",
] as const;

/** The words and numbers of a report, in its language, from what the API answered. */
export function buildReportLayout(input: ReportInput): ReportLayout {
  const { lang } = input;
  const f = formatters(lang);
  const at = new Date(input.generatedAt);
  const common = {
    lang,
    kind: f.t("pdf.kind"),
    title: f.t("pdf.title"),
    sections: {
      kpi: f.t("pdf.sectionKpi"),
      charts: f.t("pdf.sectionCharts"),
      units: f.t("pdf.sectionUnits"),
      definitions: f.t("pdf.sectionDefinitions"),
    },
    pageLabel: pageLabelOf(f),
    closing: {
      recipients: f.t("pdf.recipients"),
      list: f.t("pdf.recipientsList").split("\n"),
      preparer: f.t("pdf.preparer"),
      signHint: f.t("pdf.signHint"),
    },
  };
  const republic = { republic: f.t("pdf.republic"), motto: f.t("pdf.motto"), number: f.t("pdf.documentNumber") };
  const generated = (version: number) =>
    f.t("pdf.generated", { time: f.time(at), date: f.date(at), version: f.count(version) });
  const footer = (scopeName: string) => f.t("pdf.footer", { scope: scopeName, time: f.time(at), date: f.date(at) });
  const committee = f.t("pdf.peoplesCommittee");

  if (input.kind === "commune") {
    const { commune, province, villages, teams, campaign, series } = input.commune;
    const name = unitName(commune, lang);
    const scopeName = province ? `${name}, ${unitName(province, lang)}` : name;
    const coverage = villages.map((v) => ({
      label: v.name,
      tenths: v.visitCoverage.tenths,
      text: f.rate(v.visitCoverage),
      tone: "none" as const,
    }));
    return {
      ...common,
      header: {
        parent: province ? upper(unitName(province, lang), lang) : null,
        issuer: [committee, upper(name, lang)],
        ...republic,
        placeDate: placeDate(f, lang, lang === "vi" ? commune.name : commune.nameEn, at),
      },
      scope: f.t("pdf.scope", { name: scopeName }),
      campaign: campaignLine(f, lang, campaign),
      generated: generated(commune.version),
      demo: commune.isDemo ? f.t("pdf.demo") : null,
      kpis: kpisOf(f, commune, campaign),
      paceCounts: null,
      rateChart: {
        title: f.t("pdf.visitChart"),
        note: f.t("pdf.definitions.visitCoverage"),
        bars: [...coverage].sort((a, b) => (b.tenths ?? -1) - (a.tenths ?? -1)),
        targetTenths: null,
        ranked: coverage.length > MAX_LABELLED_BARS,
        rankedAxis: f.t("pdf.rankedAxis"),
      },
      cumulative: cumulativeOf(f, series),
      unitsCaption: f.t("command.villages"),
      table: villageTable(f, villages),
      teams: { caption: f.t("command.teams"), table: teamTable(f, teams) },
      definitions: [...DEFINITIONS, "visitCoverage" as const].map((key) => f.t(`pdf.definitions.${key}`)),
      annex: null,
      footer: footer(name),
    };
  }

  const isNation = input.kind === "nation";
  const view = isNation ? input.nation : input.province;
  const units = isNation ? input.nation.provinces : input.province.communes;
  const province = isNation ? null : input.province.province;
  const scopeName = isNation ? f.t("pdf.nation") : province ? unitName(province, lang) : "";
  return {
    ...common,
    header: {
      parent: isNation ? f.t("pdf.parentNation") : null,
      issuer: isNation ? [f.t("pdf.issuerNation")] : [committee, upper(scopeName, lang)],
      ...republic,
      placeDate: placeDate(
        f,
        lang,
        isNation || !province ? f.t("pdf.placeNation") : lang === "vi" ? province.name : province.nameEn,
        at,
      ),
    },
    scope: f.t("pdf.scope", { name: scopeName }),
    campaign: campaignLine(f, lang, view.campaign),
    generated: generated(view.total.version),
    demo: view.total.isDemo ? f.t("pdf.demo") : null,
    kpis: kpisOf(f, view.total, view.campaign),
    paceCounts: view.campaign ? paceCountsOf(f, units) : null,
    rateChart: rateChartOf(f, units, view.campaign, lang),
    cumulative: cumulativeOf(f, input.series.series),
    unitsCaption: f.t("pdf.rankedUnits", { units: f.t(isNation ? "command.provinces" : "command.communes") }),
    table: unitTable(f, lang, units, view.total),
    teams: null,
    definitions: DEFINITIONS.map((key) => f.t(`pdf.definitions.${key}`)),
    annex: isNation ? annexOf(f, lang, input) : null,
    footer: footer(scopeName),
  };
}

function pageLabelOf(f: Format): ReportLayout["pageLabel"] {
  const marked = f.t("pdf.page", { page: "\u0001", pages: "\u0002" });
  const [before = "", rest = ""] = marked.split("\u0001");
  const [between = "", after = ""] = rest.split("\u0002");
  return { before, between, after };
}
