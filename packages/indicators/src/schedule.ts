/** How often a subscribed report is sent. */
export type Cadence = "daily" | "weekly";

/** When a report is due: every day, or on one ISO weekday (1 Monday … 7 Sunday), at a minute of the day in Viet Nam. */
export interface DeliverySchedule {
  cadence: Cadence;
  weekday: number | null;
  minuteOfDay: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
// Viet Nam keeps UTC+7 all year (no daylight saving since 1975): a fixed offset is exact.
const HCM_OFFSET_MS = 7 * 60 * MINUTE_MS;

/** Minutes after midnight in Viet Nam at `at` (a screen's on-hours, a subscription's time). */
export function hcmMinuteOfDay(at: Date): number {
  return Math.floor(((at.getTime() + HCM_OFFSET_MS) % DAY_MS) / MINUTE_MS);
}

const periodMs = (schedule: DeliverySchedule) => (schedule.cadence === "daily" ? DAY_MS : 7 * DAY_MS);

/** The latest time the schedule was due at or before `at`. */
export function latestSlot(schedule: DeliverySchedule, at: Date): Date {
  const local = at.getTime() + HCM_OFFSET_MS;
  let slot = Math.floor(local / DAY_MS) * DAY_MS + schedule.minuteOfDay * MINUTE_MS;
  if (slot > local) slot -= DAY_MS;
  if (schedule.cadence === "weekly") {
    const isoWeekday = ((new Date(slot).getUTCDay() + 6) % 7) + 1;
    slot -= ((((isoWeekday - (schedule.weekday ?? 1)) % 7) + 7) % 7) * DAY_MS;
  }
  return new Date(slot - HCM_OFFSET_MS);
}

/** The first time the schedule is due after `at`. */
export function nextSlot(schedule: DeliverySchedule, at: Date): Date {
  return new Date(latestSlot(schedule, at).getTime() + periodMs(schedule));
}

/**
 * The delivery a subscription is due at `at`: the latest slot, if it is not older than the
 * subscription itself (one made at 07:00:40 for 07:00 gets today's; one made at 07:01, tomorrow's).
 */
export function dueSlot(schedule: DeliverySchedule & { createdAt: Date }, at: Date): Date | null {
  const slot = latestSlot(schedule, at);
  const madeInMinute = Math.floor(schedule.createdAt.getTime() / MINUTE_MS) * MINUTE_MS;
  return slot.getTime() >= madeInMinute ? slot : null;
}

/** "07:30" ↔ 450 */
export function minuteOfDayOf(time: string): number {
  const [hours = 0, minutes = 0] = time.split(":").map(Number);
  return hours * 60 + minutes;
}
export function timeOfDay(minuteOfDay: number): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
}
