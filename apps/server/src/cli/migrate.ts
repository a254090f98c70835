import { openConfiguredDatabase } from "../database";
import { logger } from "../logger";

/** `npm run db:migrate`: applies the committed migrations to the configured database. */
const database = await openConfiguredDatabase();
await database.migrate();
logger.info({ database: database.kind }, "migrations applied");
await database.close();
