import { describe, expect, it } from "vitest";
import { implausibleFigures, remainingEligible } from "./plausibility";

const report = (counters: Record<string, number>) => counters;

describe("implausible figures", () => {
  const limits = { remainingEligible: 1_400, villageHouseholds: 320 };
  it("lets ordinary door-to-door figures through", () => {
    expect(
      implausibleFigures(report({ eidL2Activated: 25, householdsVisited: 40, peopleTrained: 12 }), limits),
    ).toEqual([]);
  });
  it("names the 900,000 typo against the commune's residents still to activate", () => {
    expect(implausibleFigures(report({ eidL2Activated: 900_000 }), limits)).toEqual([
      { counter: "eidL2Activated", reason: "aboveRemainingEligible", limit: 1_400 },
    ]);
  });
  it("names more households than the village has, and what is far above a team's usual day", () => {
    expect(implausibleFigures(report({ householdsVisited: 321, peopleTrained: 5_000 }), limits)).toEqual([
      { counter: "householdsVisited", reason: "aboveHouseholds", limit: 320 },
      { counter: "peopleTrained", reason: "aboveUsual", limit: 2_000 },
    ]);
  });
  it("falls back to the usual ceiling where the phone knows nothing of the place (offline, first visit)", () => {
    const unknown = { remainingEligible: null, villageHouseholds: null };
    expect(implausibleFigures(report({ eidL2Activated: 1_500 }), unknown)).toEqual([]);
    expect(implausibleFigures(report({ eidL2Activated: 2_500 }), unknown)).toEqual([
      { counter: "eidL2Activated", reason: "aboveUsual", limit: 2_000 },
    ]);
  });
  it("holds snapshots to the place's limits but not to a team's usual day: they state totals", () => {
    expect(implausibleFigures({ peopleTrained: 5_000, eidL2Activated: 1_000 }, limits, { increment: false })).toEqual(
      [],
    );
    expect(implausibleFigures({ eidL2Activated: 1_401 }, limits, { increment: false })).toEqual([
      { counter: "eidL2Activated", reason: "aboveRemainingEligible", limit: 1_400 },
    ]);
  });
  it("ignores what a change lowers, and knows nothing of a commune whose eligible residents are unknown", () => {
    expect(implausibleFigures({ eidL2Activated: -5_000 }, limits)).toEqual([]);
    expect(remainingEligible(0, 120)).toBeNull();
    // 5 % above the estimate is room for newcomers, not a typo; beyond it, nothing more fits.
    expect(remainingEligible(6_000, 6_000)).toBe(300);
    expect(remainingEligible(1_000, 1_200)).toBe(0);
  });
});
