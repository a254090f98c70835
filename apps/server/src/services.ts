import { fromNodeHeaders } from "better-auth/node";
import type { IncomingMessage } from "node:http";
import {
  createApiCaller,
  createContext,
  loadProvinceOf,
  NO_DELIVERIES,
  SYSTEM,
  type Context,
  type LivePublisher,
  type Principal,
  type ProvinceOf,
  type RateLimits,
} from "@pulse/api";
import type { Database } from "@pulse/db/client";
import type { Logger } from "pino";
import { createAuth, type Auth } from "./auth/auth";
import { clientIpOf, createPrincipalResolver, type PrincipalResolver } from "./auth/resolve-principal";
import { authSecret } from "./auth/secret";
import { createPdfRenderer, type PdfRenderer, type PdfRendererSettings } from "./pdf/pdf-renderer";
import { MAX_IMPORT_BYTES } from "./ingest/import/import-http";
import { createRateLimits, type RateLimitSettings } from "./auth/rate-limits";
import { connectRedis } from "./redis";
import { createDeliveries, type Deliveries, type DeliverySettings } from "./subscriptions/deliveries";
import { createRecipientLinks, type RecipientLinks } from "./subscriptions/links";

/** What every way in (HTTP, tRPC, sockets) shares: one per server process. */
export interface Services {
  db: Database;
  live: LivePublisher;
  logger: Logger;
  auth: Auth;
  limits: RateLimits;
  provinceOf: ProvinceOf;
  resolvePrincipal: PrincipalResolver;
  webOrigin: string;
  pdf: PdfRenderer;
  /** the largest CSV upload accepted */
  maxImportBytes: number;
  /** X-Forwarded-For is believed from any peer (the server sits behind its reverse proxy only) */
  trustProxy: boolean;
  /** the signed links of subscription messages (confirm, unsubscribe) */
  links: RecipientLinks;
  /** scheduled reports by email; null when this process sends none (tests of other parts) */
  deliveries: Deliveries | null;
  /** the PDF threads and the rate limits' Redis connection */
  close(): Promise<void>;
}

export interface ServiceSettings {
  webOrigin: string;
  /** AUTH_SECRET; unset: kept in the database */
  authSecret?: string | undefined;
  rateLimits: RateLimitSettings;
  trustProxy?: boolean | undefined;
  /** several processes of one deployment: rooms and rate limits shared through Redis */
  redis?: { url: string; prefix: string } | undefined;
  /** render threads and queue of the PDF export; default: one thread, 8 waiting */
  pdf?: PdfRendererSettings | undefined;
  /** the largest CSV upload accepted; default 1 GB */
  maxImportBytes?: number | undefined;
  /** scheduled reports by email: the job queue, the mailer and the planner's pace */
  deliveries?: DeliverySettings | undefined;
}

export const DEFAULT_PDF_SETTINGS: PdfRendererSettings = { threads: 1, maxQueue: 8 };

export async function createServices(
  db: Database,
  live: LivePublisher,
  logger: Logger,
  settings: ServiceSettings,
): Promise<Services> {
  const secret = await authSecret(db, settings.authSecret);
  const auth = createAuth(db, { secret, webOrigin: settings.webOrigin, logger });
  const limitStore = settings.redis
    ? {
        client: await connectRedis(settings.redis.url, logger, {
          whileDown: "rate limits are counted per process",
          whenBack: "rate limits are shared between processes again",
        }),
        prefix: settings.redis.prefix,
      }
    : undefined;
  const pdf = createPdfRenderer(settings.pdf ?? DEFAULT_PDF_SETTINGS);
  const links = createRecipientLinks(secret, settings.webOrigin);
  return {
    db,
    live,
    logger,
    auth,
    limits: createRateLimits(settings.rateLimits, limitStore),
    provinceOf: await loadProvinceOf(db),
    resolvePrincipal: createPrincipalResolver(auth, db),
    webOrigin: settings.webOrigin,
    pdf,
    maxImportBytes: settings.maxImportBytes ?? MAX_IMPORT_BYTES,
    trustProxy: settings.trustProxy ?? false,
    links,
    deliveries: settings.deliveries ? createDeliveries(settings.deliveries, links) : null,
    async close() {
      await pdf.close();
      await limitStore?.client.quit().catch(() => undefined);
    },
  };
}

export function contextFor(services: Services, principal: Principal, clientIp: string | null): Context {
  const { db, live, provinceOf, limits, resolvePrincipal } = services;
  return createContext({
    db,
    live,
    deliveries: services.deliveries?.requests ?? NO_DELIVERIES,
    provinceOf,
    limits,
    principal,
    clientIp,
    now: () => new Date(),
    accessChanged: () => resolvePrincipal.forget(),
  });
}

/** The tRPC context of an HTTP request: who sent it, resolved from its cookies or token. */
export async function requestContext(services: Services, req: IncomingMessage): Promise<Context> {
  return contextFor(
    services,
    await services.resolvePrincipal(fromNodeHeaders(req.headers)),
    clientIpOf(req, services.trustProxy),
  );
}

export const callerFor = createApiCaller;

/** The server's own caller (the demo feed): through the same procedures, with full access. */
export const systemCaller = (services: Services) => callerFor(contextFor(services, SYSTEM, null));
