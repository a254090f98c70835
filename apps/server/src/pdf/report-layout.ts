import type { ReportInput } from "./report-input";
import { cumulativeOf, rateChartOf, visitChartOf } from "./layout/charts";
import { campaignLine, formatters, pageLabelOf, placeDate, upper } from "./layout/format";
import { kpisOf, paceCountsOf } from "./layout/kpis";
import { annexOf, teamTable, unitTable, villageTable } from "./layout/tables";
import type { ReportLayout } from "./layout/types";

export type * from "./layout/types";

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

type Formatters = ReturnType<typeof formatters>;

/** What every report shares whatever its scope: titles, section names, the closing, the header's motto. */
function frameOf(f: Formatters, at: Date) {
  const common = {
    lang: f.lang,
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
  return {
    common,
    republic: { republic: f.t("pdf.republic"), motto: f.t("pdf.motto"), number: f.t("pdf.documentNumber") },
    committee: f.t("pdf.peoplesCommittee"),
    generated: (version: number) =>
      f.t("pdf.generated", { time: f.time(at), date: f.date(at), version: f.count(version) }),
    footer: (scopeName: string) => f.t("pdf.footer", { scope: scopeName, time: f.time(at), date: f.date(at) }),
  };
}

/** A commune's report: its villages and teams. */
function communeLayout(f: Formatters, at: Date, input: Extract<ReportInput, { kind: "commune" }>): ReportLayout {
  const frame = frameOf(f, at);
  const { commune, province, villages, teams, campaign, series } = input.commune;
  const name = f.fullName(commune);
  const scopeName = province ? `${name}, ${f.fullName(province)}` : name;
  return {
    ...frame.common,
    header: {
      parent: province ? upper(f, f.fullName(province)) : null,
      issuer: [frame.committee, upper(f, name)],
      ...frame.republic,
      placeDate: placeDate(f, f.shortName(commune), at),
    },
    scope: f.t("pdf.scope", { name: scopeName }),
    campaign: campaignLine(f, campaign),
    generated: frame.generated(commune.version),
    demo: commune.isDemo ? f.t("pdf.demo") : null,
    kpis: kpisOf(f, commune, campaign),
    paceCounts: null,
    rateChart: visitChartOf(f, villages),
    cumulative: cumulativeOf(f, series),
    unitsCaption: f.t("command.villages"),
    table: villageTable(f, villages),
    teams: { caption: f.t("command.teams"), table: teamTable(f, teams) },
    definitions: [...DEFINITIONS, "visitCoverage" as const].map((key) => f.t(`pdf.definitions.${key}`)),
    annex: null,
    footer: frame.footer(name),
  };
}

/** The words and numbers of a report, in its language, from what the API answered. */
export function buildReportLayout(input: ReportInput): ReportLayout {
  const f = formatters(input.lang);
  const at = new Date(input.generatedAt);
  if (input.kind === "commune") return communeLayout(f, at, input);
  const frame = frameOf(f, at);
  const isNation = input.kind === "nation";
  const view = isNation ? input.nation : input.province;
  const units = isNation ? input.nation.provinces : input.province.communes;
  const province = isNation ? null : input.province.province;
  const scopeName = isNation ? f.t("pdf.nation") : province ? f.fullName(province) : "";
  return {
    ...frame.common,
    header: {
      parent: isNation ? f.t("pdf.parentNation") : null,
      issuer: isNation ? [f.t("pdf.issuerNation")] : [frame.committee, upper(f, scopeName)],
      ...frame.republic,
      placeDate: placeDate(f, province ? f.shortName(province) : f.t("pdf.placeNation"), at),
    },
    scope: f.t("pdf.scope", { name: scopeName }),
    campaign: campaignLine(f, view.campaign),
    generated: frame.generated(view.total.version),
    demo: view.total.isDemo ? f.t("pdf.demo") : null,
    kpis: kpisOf(f, view.total, view.campaign),
    paceCounts: view.campaign ? paceCountsOf(f, units) : null,
    rateChart: rateChartOf(f, units, view.campaign),
    cumulative: cumulativeOf(f, input.series.series),
    unitsCaption: f.t("pdf.rankedUnits", { units: f.t(isNation ? "command.provinces" : "command.communes") }),
    table: unitTable(f, units, view.total),
    teams: null,
    definitions: DEFINITIONS.map((key) => f.t(`pdf.definitions.${key}`)),
    annex: isNation ? annexOf(f, input) : null,
    footer: frame.footer(scopeName),
  };
}
