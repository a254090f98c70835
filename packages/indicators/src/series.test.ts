import { describe, expect, it } from "vitest";
import { campaignSeries } from "./series";

const campaign = { startsOn: "2026-11-01", deadline: "2026-11-10", targetRate: 0.8 };

describe("campaignSeries", () => {
  it("rebuilds each day's cumulative total from today's and the daily changes", () => {
    const series = campaignSeries(
      { activated: 100, eligible: 200 },
      [
        { day: "2026-11-01", activated: 10 },
        { day: "2026-11-03", activated: 20 },
        { day: "2026-11-04", activated: 5 },
      ],
      campaign,
      "2026-11-04",
    );
    expect(series.map((p) => [p.day, p.activated])).toEqual([
      ["2026-11-01", 75],
      ["2026-11-02", 75],
      ["2026-11-03", 95],
      ["2026-11-04", 100],
    ]);
    // 65 done before the campaign, 160 to reach by the end of day 10: 9.5 a day
    expect(series.map((p) => p.targetLine)).toEqual([75, 84, 94, 103]);
  });

  it("stops at the deadline once it has passed, and is empty before the campaign starts", () => {
    const after = campaignSeries(
      { activated: 50, eligible: 100 },
      [{ day: "2026-11-12", activated: 5 }],
      campaign,
      "2026-11-20",
    );
    expect(after).toHaveLength(10);
    expect(after.at(-1)).toMatchObject({ day: "2026-11-10", activated: 45, targetLine: 80 });
    expect(campaignSeries({ activated: 5, eligible: 10 }, [], campaign, "2026-10-30")).toEqual([]);
  });
});
