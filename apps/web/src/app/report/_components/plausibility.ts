import type { CounterKey, CountsReport } from "@pulse/schema";

/** More than this in one report from one village is far above what a door-to-door team does. */
export const USUAL_MAX_PER_REPORT = 2_000;

/** What the phone knows of the place: the commune's residents still to activate, the village's households. */
export interface PlaceLimits {
  remainingEligible: number | null;
  villageHouseholds: number | null;
}

export type Implausible =
  | { counter: CounterKey; reason: "aboveRemainingEligible"; limit: number }
  | { counter: CounterKey; reason: "aboveHouseholds"; limit: number }
  | { counter: CounterKey; reason: "aboveUsual"; limit: number };

/** The report's figures that are probably typing errors, each with the limit it passes. */
export function implausibleFigures(report: CountsReport, limits: PlaceLimits): Implausible[] {
  const found: Implausible[] = [];
  for (const [key, value] of Object.entries(report.counters) as [CounterKey, number | undefined][]) {
    if (value === undefined) continue;
    const people = key === "eidL2Activated" || key === "eidL2Registered" || key === "cccdIssued";
    if (people && limits.remainingEligible !== null && value > limits.remainingEligible) {
      found.push({ counter: key, reason: "aboveRemainingEligible", limit: limits.remainingEligible });
    } else if (key === "householdsVisited" && limits.villageHouseholds !== null && value > limits.villageHouseholds) {
      found.push({ counter: key, reason: "aboveHouseholds", limit: limits.villageHouseholds });
    } else if (value > USUAL_MAX_PER_REPORT) {
      found.push({ counter: key, reason: "aboveUsual", limit: USUAL_MAX_PER_REPORT });
    }
  }
  return found;
}
