/*
 * Probable typing errors in a report, decided the same way on the phone (which warns before
 * sending) and in the ledger (which holds such a report for review instead of applying it).
 */

/** More than this in one increment from one place is far above what a door-to-door team does in a report. */
export const USUAL_MAX_PER_REPORT = 2_000;

/** Counters of people: none can pass the commune's residents still to activate. */
const PEOPLE_COUNTERS: ReadonlySet<string> = new Set(["eidL2Activated", "eidL2Registered", "cccdIssued"]);

/** What is known of the place: the commune's residents still to activate, the village's households. */
export interface PlaceLimits {
  remainingEligible: number | null;
  villageHouseholds: number | null;
}

export type ImplausibleReason = "aboveRemainingEligible" | "aboveHouseholds" | "aboveUsual";

export interface Implausible<K extends string = string> {
  counter: K;
  reason: ImplausibleReason;
  limit: number;
}

/**
 * The eligible population is an estimate as of a date (people move in, turn 14): a commune may
 * pass it by this much before a report is taken for a typo. It is still flagged as over eligible.
 */
export const ELIGIBLE_SLACK = 0.05;

/**
 * How many more people a report may name: the commune's residents still to activate, plus the
 * slack; null when its eligible population is not known.
 */
export function remainingEligible(eligible: number, activated: number): number | null {
  return eligible > 0 ? Math.max(0, Math.round(eligible * (1 + ELIGIBLE_SLACK)) - activated) : null;
}

/**
 * The figures of a change that are probably typing errors, each with the limit it passes.
 * `changes` is what the report adds (an increment's values, or what a snapshot moves); the
 * usual ceiling applies to increments only, since a snapshot states cumulative totals.
 */
export function implausibleFigures<K extends string>(
  changes: Partial<Record<K, number>>,
  limits: PlaceLimits,
  { increment = true }: { increment?: boolean } = {},
): Implausible<K>[] {
  const found: Implausible<K>[] = [];
  for (const [counter, value] of Object.entries(changes) as [K, number | undefined][]) {
    if (value === undefined || value <= 0) continue;
    if (PEOPLE_COUNTERS.has(counter) && limits.remainingEligible !== null && value > limits.remainingEligible) {
      found.push({ counter, reason: "aboveRemainingEligible", limit: limits.remainingEligible });
    } else if (
      counter === "householdsVisited" &&
      limits.villageHouseholds !== null &&
      value > limits.villageHouseholds
    ) {
      found.push({ counter, reason: "aboveHouseholds", limit: limits.villageHouseholds });
    } else if (increment && value > USUAL_MAX_PER_REPORT) {
      found.push({ counter, reason: "aboveUsual", limit: USUAL_MAX_PER_REPORT });
    }
  }
  return found;
}
