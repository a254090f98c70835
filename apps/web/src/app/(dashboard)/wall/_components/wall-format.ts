"use client";

import { formatCount, formatRate, hcmDay, type Locale, type PaceStatus, type Rate } from "@pulse/indicators";
import { fullNameIn } from "@pulse/messages/names";
import { useFormatter, useLocale } from "next-intl";

/** Pace in words and colour, the same on every wall. */
export const PACE_TONE: Record<PaceStatus, string> = {
  done: "text-sky-300",
  on_track: "text-emerald-400",
  at_risk: "text-amber-300",
  behind: "text-red-400",
};

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
    name: (unit: { fullName: string; fullNameEn: string }) => fullNameIn(unit, locale),
  };
}
