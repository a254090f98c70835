import type { DatabaseHandle } from "@pulse/db/client";
import PgBoss from "pg-boss";
import type { Logger } from "pino";

/** The queues of messages: one each, retried with growing delays (an alert email carries a user's waiting alerts). */
export const QUEUES = {
  confirmation: "address-confirmation",
  report: "report-delivery",
  alertEmail: "alert-email",
} as const;

export interface RetrySettings {
  /** tries after the first before a message is shown as failed */
  retryLimit: number;
  /** seconds before the first retry; each next one waits twice as long */
  retryDelaySeconds: number;
  /** how long a try may take: past it, another process takes the message over */
  leaseSeconds: number;
}

/**
 * pg-boss on the product's own database: its connection string on Postgres; on the embedded
 * PGlite its `db` option, over the one connection (a query without parameters may hold several
 * statements: pg-boss's migrations and locks do).
 */
function connectionOf(handle: DatabaseHandle): PgBoss.DatabaseOptions {
  if (handle.url) return { connectionString: handle.url, max: 4, application_name: "pulse-jobs" };
  const pglite = handle.pglite;
  if (!pglite) throw new Error("the job queue needs Postgres or PGlite");
  return {
    db: {
      async executeSql(text, values) {
        if (values && values.length > 0) return pglite.query(text, values);
        const results = await pglite.exec(text);
        return results.at(-1) ?? { rows: [] };
      },
    },
  };
}

/** Opens the queue (creating its schema `pgboss` the first time) and the two queues. */
export async function openJobQueue(handle: DatabaseHandle, retry: RetrySettings, logger: Logger): Promise<PgBoss> {
  const boss = new PgBoss({
    ...connectionOf(handle),
    schema: "pgboss",
    // schedules are ours (subscriptions' own table, planned by every process); no cron here
    schedule: false,
  });
  boss.on("error", (err) => logger.warn({ err }, "job queue error"));
  await boss.start();
  for (const name of Object.values(QUEUES)) {
    // "short": a message waiting to be sent is queued once, however many processes plan it
    const options = {
      name,
      policy: "short" as const,
      retryLimit: retry.retryLimit,
      retryDelay: retry.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: retry.leaseSeconds,
    };
    // created once (by whichever process is first); its retries follow this process's settings
    await boss.createQueue(name, options);
    await boss.updateQueue(name, options);
  }
  return boss;
}
