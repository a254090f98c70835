import { verifyCounters } from "@pulse/db/ledger";
import { openConfiguredDatabase } from "../database";
import { logger } from "../logger";

/** `npm run db:verify`: recomputes every counter from the ledger and lists any difference. */
const database = await openConfiguredDatabase();
const mismatches = await verifyCounters(database.db);
await database.close();
if (mismatches.length === 0) {
  logger.info("counters equal a recomputation from the ledger");
} else {
  for (const m of mismatches.slice(0, 50)) logger.error(m, "counter differs from the ledger");
  logger.error({ count: mismatches.length }, "counters differ from the ledger");
  process.exitCode = 1;
}
