/** The current minute in Viet Nam as HH:MM. */
export const hcmTimeNow = () =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone: "Asia/Ho_Chi_Minh",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date());

/**
 * A time a daily subscription made right after this call is due at: the current minute. Within
 * the minute's last 5 seconds it first waits for the next minute, so the subscription is not
 * made in the minute after the one it is due at (its first delivery would be tomorrow's).
 */
export async function dueNowTime(): Promise<string> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 55_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 100));
  return hcmTimeNow();
}
