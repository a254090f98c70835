import { describe, expect, it } from "vitest";
import { axisTicks } from "./charts";

describe("axisTicks", () => {
  it("steps by 1, 2 or 5 times a power of ten, reaching past the highest value", () => {
    expect(axisTicks(27_433)).toEqual([0, 10_000, 20_000, 30_000]);
    expect(axisTicks(45_410_192)).toEqual([0, 20_000_000, 40_000_000, 60_000_000]);
    expect(axisTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(axisTicks(100)).toEqual([0, 50, 100]);
  });

  it("has a single tick for nothing", () => {
    expect(axisTicks(0)).toEqual([0]);
  });
});
