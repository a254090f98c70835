import { addDays, differenceInCalendarDays, formatISO, parseISO } from "date-fns";

/** Campaign days are calendar days in Asia/Ho_Chi_Minh, written YYYY-MM-DD. */
export type IsoDay = string;

export const CAMPAIGN_TIME_ZONE = "Asia/Ho_Chi_Minh";

const dayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: CAMPAIGN_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar day in Asia/Ho_Chi_Minh at which an instant falls. */
export function hcmDay(instant: Date): IsoDay {
  return dayFormat.format(instant);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: IsoDay, to: IsoDay): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

export function addDaysTo(day: IsoDay, days: number): IsoDay {
  return formatISO(addDays(parseISO(day), days), { representation: "date" });
}
