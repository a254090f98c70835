import type { CountsReport } from "@pulse/schema";
import { describe, expect, it } from "vitest";
import { implausibleFigures } from "./plausibility";

const report = (counters: CountsReport["counters"]): CountsReport => ({
  idempotencyKey: "6f1c2f7e-3f0e-4a57-9a43-1d7c1d0f5b11",
  communeCode: "00082",
  villageCode: "00082-001",
  asOf: new Date(),
  reporter: "Tổ 1",
  source: "field",
  mode: "increment",
  counters,
});

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
});
