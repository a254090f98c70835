import { hcmMinuteOfDay, timeOfDay } from "@pulse/indicators";

/**
 * A time a daily subscription made right after this call is due at: the current minute in Viet
 * Nam (HH:MM). Within the minute's last 5 seconds it first waits for the next minute, so the
 * subscription is not made in the minute after the one it is due at (its first would be tomorrow's).
 */
export async function dueNowTime(): Promise<string> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 55_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 100));
  return timeOfDay(hcmMinuteOfDay(new Date()));
}

/** Reads until `done` says so (or `timeoutMs` passes): the last value read. */
export async function readUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
