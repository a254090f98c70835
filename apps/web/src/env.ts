import { z } from "zod";

/** The web app's settings, validated once (server side); nothing else reads process.env. */
export const env = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    /** where the Next server reaches the API (tRPC is proxied, so the browser stays same-origin) */
    PULSE_API_URL: z.url().default("http://127.0.0.1:3001"),
    /** the live hub as the browser reaches it; unset: this page's host on PULSE_LIVE_PORT */
    PULSE_LIVE_URL: z.url().optional(),
    PULSE_LIVE_PORT: z.coerce.number().int().default(3001),
  })
  .parse(process.env);
