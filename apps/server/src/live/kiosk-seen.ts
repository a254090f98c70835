import type { Database } from "@pulse/db/client";
import { recordScreensGone, recordScreenStatuses, touchKioskTokens, type ScreenStatus } from "@pulse/db/queries";
import type { ScreenReport } from "@pulse/schema";
import type { Logger } from "pino";

/** What happened last to a token's screens in this second: seen (with a report or not), or gone. */
type Latest = { kind: "seen"; report: ScreenReport | null } | { kind: "gone" };

/**
 * Records screens' signs of life — connected, reported (version, page), gone — once a second for
 * all of them: after a restart a whole fleet reconnects within seconds, and one UPDATE per screen
 * (all on the same few rows when screens share a token) would queue every handshake behind the
 * database. Only the last event of each token in a second counts, so a screen that left and came
 * back is not dark, and one that came and left is.
 */
export function createKioskSeenRecorder(db: Database, logger: Logger, intervalMs = 1_000) {
  let latest = new Map<string, Latest>();
  const flush = async () => {
    if (latest.size === 0) return;
    const events = [...latest];
    latest = new Map();
    const now = new Date();
    const statuses: ScreenStatus[] = [];
    for (const [tokenId, event] of events)
      if (event.kind === "seen" && event.report) statuses.push({ tokenId, ...event.report });
    const idsOf = (wanted: (event: Latest) => boolean) => events.filter(([, e]) => wanted(e)).map(([id]) => id);
    try {
      await touchKioskTokens(
        db,
        idsOf((e) => e.kind === "seen" && !e.report),
        now,
      );
      await recordScreenStatuses(db, statuses, now);
      await recordScreensGone(
        db,
        idsOf((e) => e.kind === "gone"),
        now,
      );
    } catch (err) {
      logger.warn({ err }, "could not record screens' connections");
    }
  };
  const timer = setInterval(() => void flush(), intervalMs);
  return {
    seen: (tokenId: string) => void latest.set(tokenId, { kind: "seen", report: null }),
    reported: (tokenId: string, report: ScreenReport) => void latest.set(tokenId, { kind: "seen", report }),
    gone: (tokenId: string) => void latest.set(tokenId, { kind: "gone" }),
    /** writes what waits, and stops */
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}

export type KioskSeenRecorder = ReturnType<typeof createKioskSeenRecorder>;
