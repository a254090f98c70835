import { supportStaffFlagged, teamCoverage } from "./coverage";
import { paceOf, type CampaignWindow, type Pace } from "./pace";
import { rateOf, type Rate } from "./rate";
import type { IsoDay } from "./days";

/** What a unit (village, commune, province, nation) knows about itself, as counters. */
export interface UnitCounts {
  eligible: number;
  cccdIssued: number;
  eidL2Registered: number;
  eidL2Activated: number;
  peopleTrained: number;
  householdsVisited: number;
  smartphonesDonated: number;
  villagesTotal: number;
  villagesWithTeam: number;
  supportStaff: number;
  activatedLast7Days: number;
}

/** The measures every unit table shows, in the order screens and PDFs show them. */
export const UNIT_MEASURES = [
  "eligible",
  "registered",
  "activated",
  "rate",
  "last7Days",
  "teamCoverage",
  "status",
  "requiredPerDay",
  "forecast",
] as const;
export type UnitMeasure = (typeof UNIT_MEASURES)[number];

export interface UnitIndicators {
  activationRate: Rate;
  registrationRate: Rate;
  teamCoverage: Rate;
  supportStaffFlagged: boolean;
  /** activated above eligible: a wrong denominator or a wrong report, shown, never hidden */
  overEligible: boolean;
  pace: Pace | null;
}

/** Every indicator of docs/design.md for one unit, from its counters. */
export function indicatorsOf(counts: UnitCounts, campaign: CampaignWindow | null, today: IsoDay): UnitIndicators {
  const activationRate = rateOf(counts.eidL2Activated, counts.eligible);
  return {
    activationRate,
    registrationRate: rateOf(counts.eidL2Registered, counts.eligible),
    teamCoverage: teamCoverage(counts.villagesWithTeam, counts.villagesTotal),
    supportStaffFlagged: supportStaffFlagged(counts.supportStaff),
    overEligible: activationRate.flagged,
    pace: campaign
      ? paceOf({
          campaign,
          eligible: counts.eligible,
          activated: counts.eidL2Activated,
          activatedLast7Days: counts.activatedLast7Days,
          today,
        })
      : null,
  };
}
