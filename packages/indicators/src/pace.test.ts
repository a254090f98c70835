import { describe, expect, it } from "vitest";
import { hcmDay } from "./days";
import { mostBehind, paceOf, targetRateOf, unitsByPace, type Pace, type PaceStatus } from "./pace";
import { formatRate } from "./rate";

const campaign = { startsOn: "2025-07-24", deadline: "2025-09-06", targetRate: 1 };

describe("pace", () => {
  it("counts today among the days left and divides what remains by them", () => {
    const pace = paceOf({ campaign, eligible: 1000, activated: 400, activatedLast7Days: 70, today: "2025-09-01" });
    expect(pace.daysLeft).toBe(6); // 1, 2, 3, 4, 5, 6 September
    expect(pace.remaining).toBe(600);
    expect(pace.requiredPerDay).toBe(100);
    expect(pace.currentPerDay).toBe(10);
  });

  it("is on track when the current pace equals the required pace", () => {
    const pace = paceOf({ campaign, eligible: 1000, activated: 400, activatedLast7Days: 700, today: "2025-09-01" });
    expect(pace.forecast).toBe("2025-09-06");
    expect(pace.status).toBe("on_track");
  });

  it("is at risk when the forecast is at most 7 days late, behind beyond that", () => {
    const atRisk = paceOf({
      campaign,
      eligible: 1000,
      activated: 400,
      activatedLast7Days: 7 * 50,
      today: "2025-09-01",
    });
    expect(atRisk.forecast).toBe("2025-09-12");
    expect(atRisk.status).toBe("at_risk");
    const sevenLate = paceOf({
      campaign,
      eligible: 1000,
      activated: 400,
      activatedLast7Days: 7 * 46.2,
      today: "2025-09-01",
    });
    expect(sevenLate.forecast).toBe("2025-09-13");
    expect(sevenLate.status).toBe("at_risk");
    const behind = paceOf({
      campaign,
      eligible: 1000,
      activated: 400,
      activatedLast7Days: 7 * 40,
      today: "2025-09-01",
    });
    expect(behind.forecast).toBe("2025-09-15");
    expect(behind.status).toBe("behind");
  });

  it("is behind when nothing was activated in the last 7 days, whatever the deadline", () => {
    const pace = paceOf({ campaign, eligible: 1000, activated: 999, activatedLast7Days: 0, today: "2025-07-25" });
    expect(pace.status).toBe("behind");
    expect(pace.forecast).toBeNull();
  });

  it("is done once activated reaches target × eligible", () => {
    const pace = paceOf({
      campaign: { ...campaign, targetRate: 0.8 },
      eligible: 1000,
      activated: 800,
      activatedLast7Days: 0,
      today: "2025-08-01",
    });
    expect(pace.status).toBe("done");
    expect(pace.remaining).toBe(0);
  });

  it("has no required pace once the deadline has passed", () => {
    const pace = paceOf({ campaign, eligible: 1000, activated: 400, activatedLast7Days: 70, today: "2025-09-10" });
    expect(pace.daysLeft).toBe(0);
    expect(pace.requiredPerDay).toBeNull();
    expect(pace.status).toBe("behind");
  });
});

describe("campaign days are Asia/Ho_Chi_Minh calendar days", () => {
  it("puts 17:30 UTC on the next day in Vietnam (UTC+7)", () => {
    expect(hcmDay(new Date("2025-07-23T17:30:00Z"))).toBe("2025-07-24");
    expect(hcmDay(new Date("2025-07-23T16:59:59Z"))).toBe("2025-07-23");
  });
});

describe("unitsByPace and targetRateOf", () => {
  const withStatus = (status: PaceStatus | null) => ({
    indicators: { pace: status ? ({ status } as Pace) : null },
  });

  it("counts units at each pace, leaving out those without a campaign", () => {
    const units = ["behind", "behind", "done", null, "at_risk"].map((s) => withStatus(s as PaceStatus | null));
    expect(unitsByPace(units)).toEqual({ behind: 2, at_risk: 1, on_track: 0, done: 1 });
  });

  it("writes a campaign's target like any rate", () => {
    const window = { startsOn: "2026-07-01", deadline: "2026-12-31", targetRate: 0.8 };
    expect(formatRate(targetRateOf(window), "vi")).toBe("80,0%");
    expect(targetRateOf({ ...window, targetRate: 1 }).kind).toBe("complete");
  });
});

describe("units most behind", () => {
  const unit = (code: string, status: PaceStatus | null, tenths: number | null) => ({
    code,
    indicators: { pace: status ? ({ status } as Pace) : null, activationRate: { tenths } },
  });
  it("lists behind before at risk, the lowest rate first, and leaves out the rest", () => {
    const units = [
      unit("a", "at_risk", 500),
      unit("b", "behind", 700),
      unit("c", "on_track", 100),
      unit("d", "behind", 300),
      unit("e", null, 0),
    ];
    expect(mostBehind(units, 5).map((u) => u.code)).toEqual(["d", "b", "a"]);
    expect(mostBehind(units, 2).map((u) => u.code)).toEqual(["d", "b"]);
  });
});
