import { ensureSeeded } from "@pulse/db/seed";
import { openConfiguredDatabase } from "../database";
import { env } from "../env";
import { logger } from "../logger";

/** `npm run db:seed`: migrates, then seeds geography (and the demo when PULSE_DEMO) once. */
const database = await openConfiguredDatabase();
await database.migrate();
const result = await ensureSeeded(database.db, { demo: env.PULSE_DEMO, now: new Date() });
logger.info(result, result.seeded ? "seeded" : "already seeded: nothing to do");
await database.close();
