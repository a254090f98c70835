/** A screen reports every 30 s (`SCREEN_REPORT_MS` in `@pulse/schema/live`): one silent this long is dark. */
export const SCREEN_SILENT_MS = 75_000;

/** Whether a screen is on now, and if not since when it has been dark (null: never seen). */
export interface ScreenHealth {
  connected: boolean;
  darkSince: Date | null;
}

/**
 * A screen is connected when it was seen within SCREEN_SILENT_MS (it reports every 30 s) and has
 * not gone since; otherwise dark from when it went, or from when it was last seen (a process that
 * died says nothing, its screens just fall silent).
 */
export function screenHealthOf(
  token: { lastSeenAt: Date | null; disconnectedAt: Date | null },
  now: Date,
): ScreenHealth {
  const { lastSeenAt, disconnectedAt } = token;
  if (!lastSeenAt) return { connected: false, darkSince: null };
  const gone = disconnectedAt !== null && disconnectedAt >= lastSeenAt;
  if (!gone && now.getTime() - lastSeenAt.getTime() <= SCREEN_SILENT_MS) return { connected: true, darkSince: null };
  return { connected: false, darkSince: gone ? disconnectedAt : lastSeenAt };
}
