import { describe, expect, it } from "vitest";
import { formatCount, formatRatio, rateOf } from "./rate";

describe("rounding rule of docs/design.md", () => {
  it.each([
    // [numerator, denominator, vi, en]
    [1046, 2163, "48,4%", "48.4%"], // La Ngâu: the press truncated to 48.3%
    [9996, 10000, "99,9%", "99.9%"],
    [9999, 10000, "99,9%", "99.9%"], // would round to 100.0 but is not complete
    [10000, 10000, "100%", "100%"],
    [1, 100000, "<0,1%", "<0.1%"],
    [0, 5000, "0%", "0%"],
    [2200, 2163, "101,7%", "101.7%"],
    [1, 2, "50,0%", "50.0%"],
    [1, 2000, "0,1%", "0.1%"], // 0.05% rounds half up to 0.1
    [1, 3, "33,3%", "33.3%"],
    [2, 3, "66,7%", "66.7%"],
    [7, 0, "—", "—"],
  ])("%i / %i → %s (vi), %s (en)", (numerator, denominator, vi, en) => {
    expect(formatRatio(numerator, denominator, "vi")).toBe(vi);
    expect(formatRatio(numerator, denominator, "en")).toBe(en);
  });

  it("rounds exact halves up, not to even", () => {
    // 0.25% → 0.3%, 0.35% → 0.4%, 12.45% → 12.5%
    expect(formatRatio(25, 10000, "en")).toBe("0.3%");
    expect(formatRatio(35, 10000, "en")).toBe("0.4%");
    expect(formatRatio(1245, 10000, "en")).toBe("12.5%");
  });

  it("flags a rate above 100% instead of clamping it", () => {
    const over = rateOf(2200, 2163);
    expect(over.kind).toBe("over");
    expect(over.flagged).toBe(true);
    expect(over.tenths).toBe(1017);
    expect(rateOf(2163, 2163).flagged).toBe(false);
    expect(rateOf(1046, 2163).flagged).toBe(false);
  });

  it("formats counts the Vietnamese way", () => {
    expect(formatCount(10800, "vi")).toBe("10.800");
    expect(formatCount(10800, "en")).toBe("10,800");
  });
});
