import { fileURLToPath } from "node:url";
import { z } from "zod";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/** The server's settings, validated once; nothing else reads process.env. */
export const env = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3001),
    HOST: z.string().default("0.0.0.0"),
    /** real Postgres; unset: the embedded PGlite in PGLITE_DIR */
    DATABASE_URL: z.url().optional(),
    PGLITE_DIR: z.string().default(`${repoRoot}.data/pglite`),
    /** origin of the web app: the only origin allowed by CORS, CSRF checks and sign-in; printed at start */
    WEB_ORIGIN: z
      .url()
      .default("http://localhost:3000")
      .transform((url) => new URL(url).origin),
    /** signs session cookies; unset: a random secret kept in the database (shared by every process) */
    AUTH_SECRET: z.string().min(32).optional(),
    /** sign-in attempts per account per 15 minutes, before 429 */
    SIGN_IN_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
    /** ingest requests per minute per account or token (and twice that per address) */
    INGEST_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).default(6000),
    /** PDF exports a person may ask for per minute (then 429 + Retry-After) */
    PDF_EXPORTS_PER_MINUTE: z.coerce.number().int().min(1).default(20),
    /** behind a reverse proxy that appends X-Forwarded-For (and the only way in): rate limits count the real client */
    TRUST_PROXY: flag.default(false),
    /** several server processes share socket.io rooms through Redis streams; unset: this process alone */
    REDIS_URL: z.url().optional(),
    /** prefix of the Redis stream and session keys (processes of one deployment share it) */
    REDIS_PREFIX: z.string().min(1).default("pulse"),
    /**
     * what screens compare to know they run the current app: a change makes them reload. `npm start`
     * sets it to the web build's id, so a restart of the same build reconnects without reloading
     */
    APP_VERSION: z.string().min(1).default("dev"),
    /** seed the synthetic demo and keep feeding it reports */
    PULSE_DEMO: flag.default(true),
    DEMO_FEED_INTERVAL_MS: z.coerce.number().int().min(50).default(1500),
    /** where `npm run import` sends files: the running server (default: this machine, PORT) */
    PULSE_API_URL: z.url().optional(),
    /** who `npm run import` signs in as (or --email), and the password (asked for when unset) */
    PULSE_EMAIL: z.email().optional(),
    PULSE_PASSWORD: z.string().optional(),
    /** set by npm to the directory a script was started from: CLIs resolve file arguments against it */
    INIT_CWD: z.string().optional(),
    /** threads rendering PDF exports (off the live hub's event loop) and how many may wait */
    PDF_THREADS: z.coerce.number().int().min(1).max(16).default(1),
    PDF_QUEUE: z.coerce.number().int().min(1).default(8),
    /** seconds a rendered report is handed to others asking for the same one (0: render every time) */
    PDF_REUSE_SECONDS: z.coerce.number().int().min(0).default(60),
    /** where scheduled reports are sent: smtp://user:pass@host:587 or smtps://…; unset: written as .eml files to OUTBOX_DIR */
    SMTP_URL: z.url().optional(),
    OUTBOX_DIR: z.string().default(`${repoRoot}.data/outbox`),
    /** the From of every message */
    MAIL_FROM: z.string().min(3).default("Commune Pulse <no-reply@commune-pulse.local>"),
    /** how often each process looks for reports due */
    DELIVERY_PLAN_SECONDS: z.coerce.number().min(1).max(3600).default(30),
    /** a message that fails is tried again this many times, after 60 s, then 2, 4, 8… minutes, then shown as failed */
    DELIVERY_RETRIES: z.coerce.number().int().min(0).max(20).default(5),
    DELIVERY_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).default(60),
    /** how long one try may take before another process takes the message over (the sender died) */
    DELIVERY_LEASE_SECONDS: z.coerce.number().int().min(5).default(300),
    /** how often each process checks the alert rules (a commune gone silent, a screen gone dark) */
    ALERT_CHECK_SECONDS: z.coerce.number().min(1).max(3600).default(60),
    /** on SIGTERM/SIGINT: how long requests in flight may take to finish before the process exits */
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(5_000),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** pretty: coloured lines for a person; json: one object a line for a log collector. Unset: pretty on a terminal */
    LOG_FORMAT: z.enum(["pretty", "json"]).optional(),
  })
  .transform((e) => ({
    ...e,
    PULSE_API_URL: e.PULSE_API_URL ?? `http://127.0.0.1:${e.PORT}`,
    LOG_FORMAT: e.LOG_FORMAT ?? (process.stdout.isTTY ? "pretty" : "json"),
  }))
  .parse(process.env);

export type Env = typeof env;
