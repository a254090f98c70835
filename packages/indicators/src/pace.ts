import { addDaysTo, daysBetween, type IsoDay } from "./days";
import { rateOf, type Rate } from "./rate";

export interface CampaignWindow {
  startsOn: IsoDay;
  deadline: IsoDay;
  /** the share of eligible citizens to activate, 0..1 */
  targetRate: number;
}

export interface PaceInput {
  campaign: CampaignWindow;
  eligible: number;
  activated: number;
  /** activations over the last 7 days, today included */
  activatedLast7Days: number;
  /** today in Asia/Ho_Chi_Minh */
  today: IsoDay;
}

export type PaceStatus = "done" | "on_track" | "at_risk" | "behind";
/** Every pace status, most behind first: the order screens and PDFs list them in. */
export const PACE_STATUSES = ["behind", "at_risk", "on_track", "done"] as const satisfies readonly PaceStatus[];

/** How many units stand at each pace status (a unit without a campaign counts nowhere). */
export function unitsByPace(units: readonly { indicators: { pace: Pace | null } }[]): Record<PaceStatus, number> {
  const counts: Record<PaceStatus, number> = { behind: 0, at_risk: 0, on_track: 0, done: 0 };
  for (const unit of units) if (unit.indicators.pace) counts[unit.indicators.pace.status] += 1;
  return counts;
}

/** A campaign's target share as a rate, so it is written and drawn like every other rate. */
export const targetRateOf = (campaign: CampaignWindow): Rate => rateOf(Math.round(campaign.targetRate * 1000), 1000);

export interface Pace {
  status: PaceStatus;
  target: number;
  remaining: number;
  /** calendar days left, today included; 0 once the deadline has passed */
  daysLeft: number;
  /** activations needed per day to reach the target by the deadline; null once it has passed */
  requiredPerDay: number | null;
  /** mean daily activations over the last 7 days */
  currentPerDay: number;
  /** the day the target is reached at the current pace; null when nothing moves */
  forecast: IsoDay | null;
}

/** Days after the deadline that still count as "at risk" rather than "behind". */
export const AT_RISK_GRACE_DAYS = 7;

export function paceOf({ campaign, eligible, activated, activatedLast7Days, today }: PaceInput): Pace {
  const target = campaign.targetRate * eligible;
  const remaining = Math.max(0, target - activated);
  const daysLeft = Math.max(0, daysBetween(today, campaign.deadline) + 1);
  const requiredPerDay = daysLeft > 0 ? remaining / daysLeft : null;
  const currentPerDay = activatedLast7Days / 7;
  const base = { target, remaining, daysLeft, requiredPerDay, currentPerDay };

  if (activated >= target) return { ...base, status: "done", forecast: today };
  if (currentPerDay <= 0) return { ...base, status: "behind", forecast: null };

  // Today's work counts (days left include today): needing exactly one day of work
  // finishes today, so the forecast is today + ceil(remaining / current) − 1.
  const forecast = addDaysTo(today, Math.ceil(remaining / currentPerDay) - 1);
  const late = daysBetween(campaign.deadline, forecast);
  const status: PaceStatus = late <= 0 ? "on_track" : late <= AT_RISK_GRACE_DAYS ? "at_risk" : "behind";
  return { ...base, status, forecast };
}

/** Units behind, then at risk; within each, the lowest activation rate first: the ones a report names first. */
export function mostBehind<U extends { indicators: { pace: Pace | null; activationRate: { tenths: number | null } } }>(
  units: readonly U[],
  limit: number,
): U[] {
  const rank = (u: U) => (u.indicators.pace ? PACE_STATUSES.indexOf(u.indicators.pace.status) : PACE_STATUSES.length);
  return units
    .filter((u) => u.indicators.pace?.status === "behind" || u.indicators.pace?.status === "at_risk")
    .sort(
      (a, b) =>
        rank(a) - rank(b) || (a.indicators.activationRate.tenths ?? 0) - (b.indicators.activationRate.tenths ?? 0),
    )
    .slice(0, limit);
}
