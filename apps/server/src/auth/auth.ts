import { randomUUID } from "node:crypto";
import type { Database } from "@pulse/db/client";
import { authAccounts, authSessions, authUsers, authVerifications } from "@pulse/db/tables";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { bearer } from "better-auth/plugins";
import type { Logger } from "pino";

export const AUTH_BASE_PATH = "/api/auth";
export const MIN_PASSWORD_LENGTH = 10;

export interface AuthSettings {
  secret: string;
  /** the browser's origin: cookies are set for it, and requests from elsewhere are refused */
  webOrigin: string;
  /** better-auth's messages go to our log, not the console */
  logger?: Logger | undefined;
}

/**
 * better-auth over our database: email + password (accounts are made by admins, never by
 * signing up), sessions in httpOnly cookies or, for scripts, a bearer token. Its own rate
 * limiter is off: ours (per account and address) guards sign-in.
 */
export function createAuth(db: Database, settings: AuthSettings) {
  return betterAuth({
    appName: "Commune Pulse",
    baseURL: settings.webOrigin,
    basePath: AUTH_BASE_PATH,
    secret: settings.secret,
    trustedOrigins: [settings.webOrigin],
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: { user: authUsers, session: authSessions, account: authAccounts, verification: authVerifications },
    }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: MIN_PASSWORD_LENGTH },
    session: { expiresIn: 7 * 24 * 3600, updateAge: 24 * 3600 },
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    logger: {
      level: "warn",
      log: (level, message, ...args: unknown[]) => settings.logger?.[level]({ args }, `better-auth: ${message}`),
    },
    advanced: {
      useSecureCookies: settings.webOrigin.startsWith("https:"),
      cookiePrefix: "pulse",
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
      database: { generateId: () => randomUUID() },
    },
    plugins: [bearer()],
  });
}

export type Auth = ReturnType<typeof createAuth>;
