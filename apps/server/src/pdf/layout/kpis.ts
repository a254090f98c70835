import { PACE_STATUSES, unitsByPace } from "@pulse/indicators";
import type { Campaign, Kpi, Total, Unit } from "./types";
import type { Format } from "./format";

/** The key figures of a scope, as tiles. */
export function kpisOf(f: Format, total: Total, campaign: Campaign): Kpi[] {
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
      detail: pace ? f.t("pdf.perDay", { count: f.count(Math.round(pace.currentPerDay)) }) : "",
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

export function paceCountsOf(f: Format, units: Unit[]) {
  const counts = unitsByPace(units);
  return {
    label: f.t("pdf.paceCounts"),
    items: PACE_STATUSES.map((status) => ({
      label: f.t(`status.${status}`),
      count: f.count(counts[status]),
      tone: status,
    })),
  };
}
