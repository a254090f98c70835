import { addDaysTo, daysBetween, type IsoDay } from "./days";
import type { CampaignWindow } from "./pace";

/** Activations on one calendar day (Asia/Ho_Chi_Minh). */
export interface DailyCount {
  day: IsoDay;
  activated: number;
}

export interface SeriesPoint {
  day: IsoDay;
  /** level-2 activations accumulated by the end of the day */
  activated: number;
  /** where the campaign's straight line to its target stands that day */
  targetLine: number;
}

/**
 * The cumulative activations at the end of each campaign day up to today, from the current total
 * and the daily changes, beside the straight line from what was done before the campaign to the
 * target at the end of the deadline day.
 */
export function campaignSeries(
  { activated, eligible }: { activated: number; eligible: number },
  daily: DailyCount[],
  campaign: CampaignWindow,
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
