import type { LivePublisher } from "@pulse/api";
import { ensureSeeded } from "@pulse/db/seed";
import { createServerCaller } from "./caller";
import { openConfiguredDatabase } from "./database";
import { startDemoFeed } from "./demo-feed";
import { env } from "./env";
import { createHttpServer } from "./http";
import { createEmitter } from "./live/emitter";
import { createLiveHub } from "./live/hub";
import { createLiveServer } from "./live/io";
import { logger } from "./logger";

/** Changes with every start, so screens know to reload after a deploy. */
const APP_VERSION = `${process.pid}-${Date.now().toString(36)}`;

async function main() {
  const database = await openConfiguredDatabase();
  logger.info(
    { database: database.kind, dataDir: database.kind === "pglite" ? env.PGLITE_DIR : undefined },
    "database opened",
  );
  await database.migrate();
  const started = Date.now();
  const seed = await ensureSeeded(database.db, { demo: env.PULSE_DEMO, now: new Date() });
  if (seed.seeded) logger.info({ ms: Date.now() - started, demo: seed.demo }, "database seeded");

  // The live hub needs the socket.io server, which needs the HTTP server, which needs the hub:
  // a forwarding publisher breaks the cycle (nothing reports before the hub exists).
  const live: LivePublisher = { reportCommitted: (report) => hub.reportCommitted(report) };
  const http = createHttpServer({ db: database.db, live, logger });
  const io = createLiveServer(http, env.WEB_ORIGIN);
  const hub = createLiveHub(createEmitter(io), APP_VERSION);

  const stopFeed = env.PULSE_DEMO
    ? await startDemoFeed(database.db, createServerCaller(database.db, live), {
        intervalMs: env.DEMO_FEED_INTERVAL_MS,
        onError: (err) => logger.warn({ err }, "demo report failed"),
      })
    : () => undefined;

  await new Promise<void>((resolve) => http.listen(env.PORT, env.HOST, resolve));
  logger.info({ port: env.PORT, demo: env.PULSE_DEMO }, `API and live hub on port ${env.PORT}`);
  logger.info(`Dashboard: ${env.WEB_ORIGIN}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    stopFeed();
    hub.stop();
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  logger.fatal({ err }, "server failed to start");
  process.exit(1);
});
