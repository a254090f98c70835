import { createRoomStateReader, type LivePublisher } from "@pulse/api";
import type { Database } from "@pulse/db/client";
import type { Logger } from "pino";
import { startAlertChecks } from "./alerts/alert-checks";
import { createHttpServer } from "./http/server";
import { startAccessSweep } from "./live/access-sweep";
import { createEmitter } from "./live/emitter";
import { createLiveHub } from "./live/hub";
import { createLiveServer } from "./live/io";
import { createKioskSeenRecorder } from "./live/kiosk-seen";
import { attachRedisAdapter } from "./live/redis-adapter";
import { createServices, type ServiceSettings } from "./services";

/** How long a stop waits for the last pushes to go out. */
const FLUSH_TIMEOUT_MS = 1_000;

/**
 * The whole server over an open database: HTTP (sign-in, tRPC, ingest), the live hub and the
 * access sweep. `npm start` and the tests build it the same way.
 */
export interface AppSettings extends ServiceSettings {
  appVersion: string;
  /** how often this process checks the alert rules; unset: it does not (tests of other parts) */
  alertCheckMs?: number | undefined;
}

export async function createApp(db: Database, logger: Logger, settings: AppSettings) {
  // The live hub needs the socket.io server, which needs the HTTP server, which needs the hub:
  // a forwarding publisher breaks the cycle (nothing reports before the hub exists).
  const live: LivePublisher = {
    reportCommitted: (report) => hub.reportCommitted(report),
    kioskRevoked: (tokenId) => hub.kioskRevoked(tokenId),
  };
  const services = await createServices(db, live, logger, settings);
  const { http, drain } = createHttpServer(services);
  const kioskSeen = createKioskSeenRecorder(db, logger);
  const io = createLiveServer(http, {
    webOrigin: settings.webOrigin,
    resolvePrincipal: services.resolvePrincipal,
    provinceOf: services.provinceOf,
    screens: kioskSeen,
  });
  const redis = settings.redis
    ? await attachRedisAdapter(io, { ...settings.redis, logger, onBack: () => emitter.resync() })
    : null;
  const emitter = createEmitter(io, { cluster: redis });
  const readStates = createRoomStateReader(db);
  const hub = createLiveHub(emitter, {
    appVersion: settings.appVersion,
    readStates: (changes) => readStates(changes, new Date()),
    logger,
  });
  const stopSweep = startAccessSweep(io, db, logger);
  await services.deliveries?.start(services);
  const alertChecks = settings.alertCheckMs
    ? startAlertChecks({
        db,
        provinceOf: services.provinceOf,
        logger,
        everyMs: settings.alertCheckMs,
        told: (userIds) => emitter.alertsChanged(userIds),
        // their messages go out now (or wait for their digest): no need to wait for the planner's tick
        emailed: () => void services.deliveries?.planNow(),
      })
    : null;
  return {
    services,
    http,
    io,
    alertChecks,
    /**
     * Stops accepting, lets the requests in flight finish (at most `timeoutMs`), disconnects the
     * screens (they reconnect to another process) and closes the rest; false if it had to cut
     * requests short.
     */
    async stop(timeoutMs = 5_000): Promise<boolean> {
      stopSweep();
      await alertChecks?.stop();
      const ended = await drain.drain(timeoutMs);
      // The reports just acknowledged reach the screens (here and, through Redis, elsewhere).
      await Promise.race([hub.flush(), new Promise((resolve) => setTimeout(resolve, FLUSH_TIMEOUT_MS))]);
      hub.stop();
      await kioskSeen.stop();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await redis?.detach();
      await services.deliveries?.stop();
      await services.close();
      return ended;
    },
  };
}

export type App = Awaited<ReturnType<typeof createApp>>;
