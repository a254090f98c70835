import type { ReportInput } from "./report-input";
import { cumulativeOf, MAX_LABELLED_BARS, rateChartOf } from "./layout/charts";
import { campaignLine, formatters, pageLabelOf, placeDate, unitName, upper } from "./layout/format";
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
