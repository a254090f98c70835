import type { Database } from "@pulse/db/client";
import { touchKioskTokens } from "@pulse/db/queries";
import type { Logger } from "pino";

/**
 * Records when screens last connected, once a second for all of them: after a restart a whole
 * fleet reconnects within seconds, and one UPDATE per screen (all on the same few rows when
 * screens share a token) would queue every handshake behind the database.
 */
export function createKioskSeenRecorder(db: Database, logger: Logger, intervalMs = 1_000) {
  let seen = new Set<string>();
  const flush = async () => {
    if (seen.size === 0) return;
    const tokenIds = [...seen];
    seen = new Set();
    await touchKioskTokens(db, tokenIds, new Date()).catch((err: unknown) =>
      logger.warn({ err }, "could not record screens' connections"),
    );
  };
  const timer = setInterval(() => void flush(), intervalMs);
  return {
    seen: (tokenId: string) => void seen.add(tokenId),
    /** writes what waits, and stops */
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}
