import { z } from "zod";

/** Test-only settings, read once: which database the integration suites run on. */
export const testEnv = z
  .object({
    PULSE_TEST_DB: z.enum(["pglite", "postgres"]).default("pglite"),
    PULSE_TEST_POSTGRES_URL: z.url().default("postgres://postgres@127.0.0.1:5432/test"),
    /** the live hub's scale-out tests put several server processes on it */
    PULSE_TEST_REDIS_URL: z.url().default("redis://127.0.0.1:6379"),
  })
  .parse(process.env);
