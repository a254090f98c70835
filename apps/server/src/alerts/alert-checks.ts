import type { ProvinceOf } from "@pulse/api";
import type { Database } from "@pulse/db/client";
import type { Logger } from "pino";
import { checkAlerts } from "./check-alerts";

/**
 * Checks the alert rules every `everyMs` in this process (every process does: each alert is
 * raised and resolved once whoever checks) and tells the users concerned, live.
 */
export function startAlertChecks(params: {
  db: Database;
  provinceOf: ProvinceOf;
  logger: Logger;
  everyMs: number;
  told: (userIds: string[]) => void;
  /** users with alert emails waiting (sent at once, or kept for their digest) */
  emailed?: (userIds: string[]) => void;
}): { stop(): Promise<void>; checkNow(at?: Date): Promise<void> } {
  let running: Promise<void> | null = null;
  /** one check now (tests pass the time: "16 minutes from now") */
  const checkNow = (at = new Date()) => {
    running ??= checkAlerts(params.db, params.provinceOf, at)
      .then(({ raised, resolved, told, emailed }) => {
        if (raised.length + resolved.length > 0)
          params.logger.info({ raised: raised.length, resolved: resolved.length, told: told.length }, "alerts changed");
        if (told.length > 0) params.told(told);
        if (emailed.length > 0) params.emailed?.(emailed);
      })
      .catch((err: unknown) => params.logger.warn({ err }, "alert check failed"))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void checkNow(), params.everyMs);
  timer.unref();
  return {
    checkNow,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
