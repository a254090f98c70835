import { ensureSeeded } from "@pulse/db/seed";
import { createApp } from "./app";
import { scopeKey } from "@pulse/schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoAccountsTable, ensureDemoAccounts } from "./auth/demo-accounts";
import { openConfiguredDatabase } from "./database";
import { startDemoFeed } from "./ingest/demo-feed";
import { env } from "./env";
import { logger } from "./logger";
import { systemCaller } from "./services";
import { deliverySettings, serviceSettings } from "./settings";

async function main() {
  const database = await openConfiguredDatabase();
  const { db } = database;
  logger.info(
    { database: database.kind, dataDir: database.kind === "pglite" ? env.PGLITE_DIR : undefined },
    "database opened",
  );
  await database.migrate();
  const started = Date.now();
  const seed = await ensureSeeded(db, { demo: env.PULSE_DEMO, now: new Date() });
  if (seed.seeded) logger.info({ ms: Date.now() - started, demo: seed.demo }, "database seeded");
  else if (seed.toppedUp > 0)
    logger.info({ ms: Date.now() - started, reports: seed.toppedUp }, "demo history brought up to today");

  const app = await createApp(db, logger, {
    ...serviceSettings,
    appVersion: env.APP_VERSION,
    redis: env.REDIS_URL ? { url: env.REDIS_URL, prefix: env.REDIS_PREFIX } : undefined,
    deliveries: deliverySettings(database),
    alertCheckMs: env.ALERT_CHECK_SECONDS * 1000,
  });
  if (!env.SMTP_URL)
    logger.info({ outbox: env.OUTBOX_DIR }, "no SMTP_URL: scheduled reports are written as .eml files");
  if (env.REDIS_URL) logger.info("live hub shares rooms with other processes through Redis");
  let stopFeed = (): void => undefined;
  if (env.PULSE_DEMO) {
    await ensureDemoAccounts(app.services.auth, db);
    // A table for a person, outside the log stream; one structured line for a log collector.
    if (env.LOG_FORMAT === "pretty") process.stdout.write(`${demoAccountsTable()}\n`);
    else
      logger.info(
        { accounts: DEMO_ACCOUNTS.map((a) => ({ email: a.email, role: a.role, scope: scopeKey(a.scope) })) },
        `demo accounts, password ${DEMO_PASSWORD}`,
      );
    stopFeed = await startDemoFeed(db, systemCaller(app.services), {
      intervalMs: env.DEMO_FEED_INTERVAL_MS,
      onError: (err) => logger.warn({ err }, "demo report failed"),
    });
  }

  await new Promise<void>((resolve) => app.http.listen(env.PORT, env.HOST, resolve));
  logger.info({ port: env.PORT, demo: env.PULSE_DEMO }, `API and live hub on port ${env.PORT}`);
  logger.info(`Dashboard: ${env.WEB_ORIGIN}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    // A second signal (Ctrl-C twice): at once.
    if (stopping) process.exit(1);
    stopping = true;
    const started = Date.now();
    logger.info({ signal, timeoutMs: env.SHUTDOWN_TIMEOUT_MS }, "stopping: finishing requests in flight");
    // Whatever hangs (a PDF thread, the database), the process ends soon after the timeout.
    setTimeout(() => {
      logger.error("stop took too long: exiting");
      process.exit(1);
    }, env.SHUTDOWN_TIMEOUT_MS + 2_000).unref();
    stopFeed();
    const drained = await app.stop(env.SHUTDOWN_TIMEOUT_MS);
    await database.close();
    logger.info({ ms: Date.now() - started, drained }, "stopped");
    logger.flush();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  logger.fatal({ err }, "server failed to start");
  process.exit(1);
});
