import type { Database } from "@pulse/db/client";
import { recordScreensGone, recordScreenStatuses, touchKioskTokens, type ScreenStatus } from "@pulse/db/queries";
import type { ScreenReport } from "@pulse/schema";
import type { Logger } from "pino";

/** What happened last to a token's screens in this second: seen (with a report or not), or gone. */
type Latest = { kind: "seen"; at: Date; report: ScreenReport | null } | { kind: "gone"; at: Date };

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
    const events = latest;
    latest = new Map();
    const touched: string[] = [];
    const statuses: ScreenStatus[] = [];
    const gone = new Map<number, string[]>();
    for (const [tokenId, event] of events) {
      if (event.kind === "gone") gone.set(event.at.getTime(), [...(gone.get(event.at.getTime()) ?? []), tokenId]);
      else if (event.report) statuses.push({ tokenId, at: event.at, ...event.report });
      else touched.push(tokenId);
    }
    try {
      await touchKioskTokens(db, touched, new Date());
      await recordScreenStatuses(db, statuses);
      for (const [at, ids] of gone) await recordScreensGone(db, ids, new Date(at));
    } catch (err) {
      logger.warn({ err }, "could not record screens' connections");
    }
  };
  const timer = setInterval(() => void flush(), intervalMs);
  return {
    seen: (tokenId: string) => void latest.set(tokenId, { kind: "seen", at: new Date(), report: null }),
    reported: (tokenId: string, report: ScreenReport) =>
      void latest.set(tokenId, { kind: "seen", at: new Date(), report }),
    gone: (tokenId: string) => void latest.set(tokenId, { kind: "gone", at: new Date() }),
    /** writes what waits, and stops */
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}

export type KioskSeenRecorder = ReturnType<typeof createKioskSeenRecorder>;
