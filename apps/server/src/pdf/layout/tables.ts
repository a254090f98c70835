import { UNIT_MEASURES, type UnitMeasure } from "@pulse/indicators";
import type { ReportInput } from "../report-input";
import type { AnnexLayout, Cell, Column, Progress, TableLayout, Total, Unit, Village } from "./types";
import type { Format } from "./format";

/** Most advanced first; units without a denominator last; ties by name. */
export function ranked(f: Format, units: Unit[]): Unit[] {
  const key = (u: Unit) => u.indicators.activationRate.tenths ?? -1;
  return [...units].sort((a, b) => key(b) - key(a) || f.fullName(a).localeCompare(f.fullName(b), f.lang));
}

type UnitColumn = "number" | "unit" | UnitMeasure;

/** Every measure of a unit; the annex leaves out dossiers and team coverage to give names room. */
const UNIT_COLUMNS: readonly UnitColumn[] = ["number", "unit", ...UNIT_MEASURES];
const ANNEX_COLUMNS = UNIT_COLUMNS.filter((c) => c !== "registered" && c !== "teamCoverage");

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

export function unitTable(f: Format, units: Unit[], total: Total): TableLayout {
  return {
    columns: unitColumns(f, UNIT_COLUMNS),
    rows: ranked(f, units).map((u, i) => unitCells(f, UNIT_COLUMNS, f.count(i + 1), f.fullName(u), u)),
    total: unitCells(f, UNIT_COLUMNS, "", f.t("pdf.total"), total),
  };
}

export function villageTable(f: Format, villages: Village[]): TableLayout {
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
export function teamTable(f: Format, teams: Progress["commune"]["teams"]): TableLayout {
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

/** Every commune of the country, by province, by name within each. */
export function annexOf(f: Format, input: Extract<ReportInput, { kind: "nation" }>): AnnexLayout | null {
  if (!input.annex) return null;
  const names = new Map(input.nation.provinces.map((p) => [p.code, f.fullName(p)]));
  const rows: Cell[][] = [];
  const groups: AnnexLayout["groups"] = [];
  let communes = 0;
  for (const province of input.annex.provinces) {
    const sorted = [...province.communes].sort((a, b) => f.fullName(a).localeCompare(f.fullName(b), f.lang));
    const name = names.get(province.code) ?? province.code;
    groups.push({
      start: rows.length,
      heading: `${name} (${f.count(sorted.length)})`,
      continued: f.t("pdf.continued", { name }),
    });
    for (const [i, u] of sorted.entries()) {
      rows.push(unitCells(f, ANNEX_COLUMNS, f.count(i + 1), f.fullName(u), u));
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
