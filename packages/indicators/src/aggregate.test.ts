import { describe, expect, it } from "vitest";
import { sumCounts } from "./aggregate";
import { formatRatio } from "./rate";

describe("province figures", () => {
  it("are sums of counters, then the ratio — not a mean of rates", () => {
    const communes = [
      { eidL2Activated: 90, eligible: 100 }, // 90%
      { eidL2Activated: 100, eligible: 1000 }, // 10%
    ];
    const total = sumCounts(communes, ["eidL2Activated", "eligible"]);
    expect(total).toEqual({ eidL2Activated: 190, eligible: 1100 });
    expect(formatRatio(total.eidL2Activated, total.eligible, "en")).toBe("17.3%"); // the mean would say 50.0%
  });
});
