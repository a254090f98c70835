"use client";

import { formatCount, formatRate, hcmDay, type Locale, type PaceStatus, type Rate } from "@pulse/indicators";
import { useFormatter, useLocale } from "next-intl";

/** Pace in words and colour, the same on every wall. */
export const PACE_TONE: Record<PaceStatus, string> = {
  done: "text-sky-300",
  on_track: "text-emerald-400",
  at_risk: "text-amber-300",
  behind: "text-red-400",
};

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

/** Numbers, rates and times as a vi-VN (or English) reader expects them, in Asia/Ho_Chi_Minh. */
export function useWallFormat() {
  const locale = useLocale() as Locale;
  const format = useFormatter();
  return {
    locale,
    count: (n: number) => formatCount(n, locale),
    rate: (rate: Rate) => formatRate(rate, locale),
    time: (at: Date | string) => format.dateTime(new Date(at), { hour: "2-digit", minute: "2-digit" }),
    /** HH:MM today, with the day before it otherwise (Vietnam's calendar) */
    when: (at: string) =>
      format.dateTime(
        new Date(at),
        hcmDay(new Date(at)) === hcmDay(new Date())
          ? { hour: "2-digit", minute: "2-digit" }
          : { day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit" },
      ),
    day: (day: string) =>
      format.dateTime(new Date(`${day}T12:00:00+07:00`), { day: "2-digit", month: "2-digit", year: "numeric" }),
    name: (unit: { fullName: string; fullNameEn: string }) => (locale === "vi" ? unit.fullName : unit.fullNameEn),
  };
}
