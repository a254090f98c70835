/** A report is late when it reaches the ledger this long after the moment it describes (hours offline). */
export const LATE_AFTER_MS = 60 * 60 * 1000;

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * How late a report arrived, in whole hours under a day and whole days after; null when it came
 * within the hour (walls say "gửi muộn 3 giờ" so a late jump is not read as today's work).
 */
export function lateness(
  asOf: string | Date,
  receivedAt: string | Date,
): { unit: "hours" | "days"; count: number } | null {
  const late = new Date(receivedAt).getTime() - new Date(asOf).getTime();
  if (!(late >= LATE_AFTER_MS)) return null;
  return late < DAY_MS
    ? { unit: "hours", count: Math.floor(late / HOUR_MS) }
    : { unit: "days", count: Math.floor(late / DAY_MS) };
}
