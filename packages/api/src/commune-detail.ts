import type { Campaign, DailyActivations, VillageProgress } from "@pulse/db/queries";
import { addDaysTo, daysBetween, rateOf, type IsoDay, type Rate } from "@pulse/indicators";

export type VillageView = VillageProgress & {
  /** households visited door to door / households: how far the teams have gone in the village */
  visitCoverage: Rate;
};

export interface SeriesPoint {
  day: IsoDay;
  /** level-2 activations accumulated by the end of the day */
  activated: number;
  /** where the campaign's straight line to its target stands that day */
  targetLine: number;
}

/**
 * Villages ranked most behind first (lowest visit coverage; without a household count, last),
 * ties broken by fewer activations then by name.
 */
export function rankVillages(villages: VillageProgress[]): VillageView[] {
  const key = (v: VillageView) => (v.visitCoverage.tenths === null ? Infinity : v.visitCoverage.tenths);
  return villages
    .map((v) => ({ ...v, visitCoverage: rateOf(v.householdsVisited, v.households ?? 0) }))
    .sort((a, b) => key(a) - key(b) || a.eidL2Activated - b.eidL2Activated || a.name.localeCompare(b.name, "vi"));
}

/**
 * The cumulative activations at the end of each campaign day up to today, from the current total
 * and the daily changes, beside the straight line from what was done before the campaign to the
 * target at the end of the deadline day.
 */
export function campaignSeries(
  { activated, eligible }: { activated: number; eligible: number },
  daily: DailyActivations[],
  campaign: Pick<Campaign, "startsOn" | "deadline" | "targetRate">,
  today: IsoDay,
): SeriesPoint[] {
  const end = today < campaign.deadline ? today : campaign.deadline;
  const days = daysBetween(campaign.startsOn, end) + 1;
  if (days <= 0) return [];
  const byDay = new Map(daily.map((d) => [d.day, d.activated]));
  // Walk back from today's total: each day's figure is the next day's minus that next day's change.
  const cumulative: number[] = [];
  let total = activated;
  for (let day = today; day > end; day = addDaysTo(day, -1)) total -= byDay.get(day) ?? 0;
  for (let i = days - 1; i >= 0; i--) {
    cumulative[i] = total;
    total -= byDay.get(addDaysTo(campaign.startsOn, i)) ?? 0;
  }
  const before = total;
  const campaignDays = daysBetween(campaign.startsOn, campaign.deadline) + 1;
  const target = campaign.targetRate * eligible;
  return cumulative.map((value, i) => ({
    day: addDaysTo(campaign.startsOn, i),
    activated: value,
    targetLine: Math.round(before + ((target - before) * (i + 1)) / campaignDays),
  }));
}
