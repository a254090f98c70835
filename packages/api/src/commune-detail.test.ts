import { describe, expect, it } from "vitest";
import { rankVillages } from "./commune-detail";

describe("rankVillages", () => {
  const village = (name: string, households: number | null, visited: number, activated = 0) => ({
    code: name,
    name,
    kind: "thon",
    households,
    householdsVisited: visited,
    eidL2Registered: 0,
    eidL2Activated: activated,
    peopleTrained: 0,
    hasTeam: true,
    lastReportAt: null,
  });

  it("puts the least visited first and villages without a household count last", () => {
    const ranked = rankVillages([
      village("Thôn A", 100, 90),
      village("Thôn B", null, 5),
      village("Thôn C", 100, 10, 3),
      village("Thôn D", 100, 10, 1),
    ]);
    expect(ranked.map((v) => v.name)).toEqual(["Thôn D", "Thôn C", "Thôn A", "Thôn B"]);
    expect(ranked[0]?.visitCoverage.tenths).toBe(100);
  });
});
