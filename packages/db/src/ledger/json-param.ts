import { sql } from "drizzle-orm";

/** JSON → rows inside SQL: one parameter, the same on postgres-js and PGlite, any batch size. */
export const jsonParam = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;
