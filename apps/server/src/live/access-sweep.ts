import type { Database } from "@pulse/db/client";
import { liveSessionIds, touchKioskTokens, usableKioskTokenIds } from "@pulse/db/queries";
import type { Logger } from "pino";
import type { LiveServer } from "./io";

/** How often connected screens and users are checked against revocations and expiry. */
export const SWEEP_MS = 2_000;
/** How often "last connected" of the screens still connected is refreshed. */
const TOUCH_MS = 60_000;

/**
 * Cuts sockets whose kiosk token was revoked or expired, or whose user session ended, within
 * SWEEP_MS, whichever server process they are connected to (a revocation on this process cuts
 * its own screens at once through the hub).
 */
export function startAccessSweep(io: LiveServer, db: Database, logger: Logger): () => void {
  let lastTouch = 0;
  let running = false;
  const sweep = async () => {
    const sockets = [...io.of("/").sockets.values()];
    const kioskIds = new Set<string>();
    const sessionIds = new Set<string>();
    for (const socket of sockets) {
      const { principal } = socket.data;
      if (principal.kind === "kiosk") kioskIds.add(principal.tokenId);
      if (principal.kind === "user") sessionIds.add(principal.sessionId);
    }
    const now = new Date();
    const usable = await usableKioskTokenIds(db, [...kioskIds], now);
    const sessions = await liveSessionIds(db, [...sessionIds], now);
    for (const socket of sockets) {
      const { principal } = socket.data;
      const cut =
        principal.kind === "kiosk"
          ? !usable.has(principal.tokenId) && "revoked"
          : principal.kind === "user" && !sessions.has(principal.sessionId) && "signedOut";
      if (!cut) continue;
      socket.emit("access:revoked", cut);
      socket.disconnect(true);
    }
    if (Date.now() - lastTouch > TOUCH_MS) {
      lastTouch = Date.now();
      await touchKioskTokens(db, [...usable], now);
    }
  };
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweep()
      .catch((err: unknown) => logger.warn({ err }, "access sweep failed"))
      .finally(() => (running = false));
  }, SWEEP_MS);
  return () => clearInterval(timer);
}
