import { describe, expect, it } from "vitest";
import { screenHealthOf } from "./screen-health";

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 4, 2, 0, seconds));
const NOW = at(200);

describe("a screen's health", () => {
  it("is connected while it reports, and has never been on when never seen", () => {
    expect(screenHealthOf({ lastSeenAt: at(190), disconnectedAt: null }, NOW)).toEqual({
      connected: true,
      darkSince: null,
    });
    expect(screenHealthOf({ lastSeenAt: null, disconnectedAt: null }, NOW)).toEqual({
      connected: false,
      darkSince: null,
    });
  });

  it("is dark from when it went away, at once, and connected again once seen after that", () => {
    expect(screenHealthOf({ lastSeenAt: at(150), disconnectedAt: at(190) }, NOW)).toEqual({
      connected: false,
      darkSince: at(190),
    });
    expect(screenHealthOf({ lastSeenAt: at(195), disconnectedAt: at(190) }, NOW).connected).toBe(true);
  });

  it("is dark from its last sign of life once silent for 75 s (its server died without a word)", () => {
    expect(screenHealthOf({ lastSeenAt: at(125), disconnectedAt: null }, NOW).connected).toBe(true);
    expect(screenHealthOf({ lastSeenAt: at(124), disconnectedAt: null }, NOW)).toEqual({
      connected: false,
      darkSince: at(124),
    });
  });
});
