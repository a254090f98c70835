import type { Rate } from "@pulse/indicators";

/**
 * Rate bins for maps (tenths of a percent): viridis, a sequential palette that also reads by
 * lightness without colour vision; finer near the targets (80–90 %), where campaigns are decided.
 */
export const RATE_BINS = [
  { from: 0, color: "#fde725" },
  { from: 500, color: "#7ad151" },
  { from: 600, color: "#22a884" },
  { from: 700, color: "#2a788e" },
  { from: 800, color: "#414487" },
  { from: 900, color: "#440154" },
] as const;
export const NO_DATA_COLOR = "#4b5563";

/** Colour of a rate (in tenths of a percent) on the shared scale. */
export function rateColor(rate: Rate): string {
  if (rate.tenths === null) return NO_DATA_COLOR;
  const tenths = rate.tenths;
  return [...RATE_BINS].reverse().find((bin) => tenths >= bin.from)?.color ?? NO_DATA_COLOR;
}
