import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { appRouter, isDatabaseUnavailable, RateLimitedError } from "@pulse/api";
import { ACCESS_MESSAGES, EXPORT_PDF_PATH } from "@pulse/schema";
import { TRPCError } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { AUTH_BASE_PATH } from "../auth/auth";
import { handleAuthRequest } from "../auth/auth-http";
import { clientIpOf } from "../auth/principal";
import { HttpProblem, sendJson, sendProblem } from "./problem";
import { handleImportPost, sendExampleCsv } from "../ingest/import/import-http";
import { handleReportsPost, MAX_BODY_BYTES } from "../ingest/reports-http";
import { handleExportPdf } from "../pdf/export-http";
import { handleCors, isCrossSiteChange, setSecurityHeaders } from "./guard";
import { callerFor, requestContext, type Services } from "../services";

const unavailable = () =>
  new HttpProblem(503, "Cơ sở dữ liệu tạm thời không truy cập được", "Database unavailable, retry", [], {
    "retry-after": "5",
  });

/**
 * One HTTP server: sign-in under /api/auth, tRPC under /trpc, the ingest endpoints, PDF export, a health
 * check, and (attached later) socket.io. Every request is resolved to a principal first.
 */
export function createHttpServer(services: Services) {
  const { logger, webOrigin } = services;
  const contextOf = async (req: IncomingMessage) => {
    try {
      return await requestContext(services, req);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "Database unavailable", cause: error });
    }
  };
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    // The same 1 MB limit as the plain HTTP endpoint: 413 before the body is read further.
    maxBodySize: MAX_BODY_BYTES,
    createContext: ({ req }) => contextOf(req),
    responseMeta: ({ errors }) => {
      const limited = errors.find((e) => e.cause instanceof RateLimitedError)?.cause;
      return limited instanceof RateLimitedError
        ? { headers: { "retry-after": String(limited.retryAfterSeconds) } }
        : {};
    },
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error, path }, "tRPC procedure failed");
    },
  });
  const failed = (res: ServerResponse) => (err: unknown) => {
    if (res.headersSent) return void res.end();
    if (err instanceof HttpProblem) return sendProblem(res, err);
    if (isDatabaseUnavailable(err) || (err instanceof TRPCError && err.code === "SERVICE_UNAVAILABLE"))
      return sendProblem(res, unavailable());
    logger.error({ err }, "request failed");
    sendProblem(res, new HttpProblem(500, "Lỗi máy chủ", "Server error"));
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? "/";
    const path = url.split("?")[0] ?? "/";
    setSecurityHeaders(res, webOrigin);
    if (handleCors(req, res, webOrigin)) return;
    if (path.startsWith(`${AUTH_BASE_PATH}/`)) {
      const deps = { ...services, clientIp: clientIpOf(req) };
      return void handleAuthRequest(req, res, deps).catch(failed(res));
    }
    if (isCrossSiteChange(req, webOrigin)) {
      return sendProblem(res, new HttpProblem(403, ACCESS_MESSAGES.crossSite.vi, ACCESS_MESSAGES.crossSite.en));
    }
    if (url.startsWith("/trpc/")) return void trpc(req, res);
    if (path === "/api/v1/reports") {
      return void contextOf(req)
        .then((ctx) => handleReportsPost(req, res, callerFor(ctx)))
        .catch(failed(res));
    }
    if (path === EXPORT_PDF_PATH) {
      return void contextOf(req)
        .then((ctx) => handleExportPdf(req, res, ctx, services.pdf))
        .catch(failed(res));
    }
    if (path === "/api/v1/imports/example.csv") return void sendExampleCsv(res).catch(failed(res));
    if (path === "/api/v1/imports") {
      return void contextOf(req)
        .then((ctx) => handleImportPost(req, res, ctx, logger, services.maxImportBytes))
        .catch(failed(res));
    }
    if (path === "/healthz") return sendJson(res, 200, { ok: true });
    // socket.io handles /socket.io/ itself; anything else is not ours.
    if (!url.startsWith("/socket.io/")) sendProblem(res, new HttpProblem(404, "Không tìm thấy", "Not found"));
  });
  // Idle keep-alive connections outlive the clients' own timeouts (Node's 5 s default races a
  // client reusing a socket just as the server closes it: ECONNRESET on a good request).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}
