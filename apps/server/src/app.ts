import { createRoomStateReader, type LivePublisher } from "@pulse/api";
import type { Database } from "@pulse/db/client";
import { touchKioskTokens } from "@pulse/db/queries";
import type { Logger } from "pino";
import { createHttpServer } from "./http/server";
import { startAccessSweep } from "./live/access-sweep";
import { createEmitter } from "./live/emitter";
import { createLiveHub } from "./live/hub";
import { createLiveServer } from "./live/io";
import { attachRedisAdapter } from "./live/redis-adapter";
import { createServices, type ServiceSettings } from "./services";

/**
 * The whole server over an open database: HTTP (sign-in, tRPC, ingest), the live hub and the
 * access sweep. `npm start` and the tests build it the same way.
 */
export interface AppSettings extends ServiceSettings {
  appVersion: string;
  /** share rooms with other processes through Redis */
  redis?: { url: string; prefix: string } | undefined;
}

export async function createApp(db: Database, logger: Logger, settings: AppSettings) {
  // The live hub needs the socket.io server, which needs the HTTP server, which needs the hub:
  // a forwarding publisher breaks the cycle (nothing reports before the hub exists).
  const live: LivePublisher = {
    reportCommitted: (report) => hub.reportCommitted(report),
    kioskRevoked: (tokenId) => hub.kioskRevoked(tokenId),
  };
  const services = await createServices(db, live, logger, settings);
  const http = createHttpServer(services);
  const io = createLiveServer(http, {
    webOrigin: settings.webOrigin,
    resolvePrincipal: services.resolvePrincipal,
    provinceOf: services.provinceOf,
    onKioskConnected: (tokenId) =>
      void touchKioskTokens(db, [tokenId], new Date()).catch((err: unknown) =>
        logger.warn({ err }, "could not record a screen's connection"),
      ),
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
  return {
    services,
    http,
    io,
    async stop(): Promise<void> {
      stopSweep();
      hub.stop();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await redis?.detach();
      await services.pdf.close();
    },
  };
}

export type App = Awaited<ReturnType<typeof createApp>>;
