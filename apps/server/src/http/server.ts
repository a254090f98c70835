import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { appRouter, databaseUnavailableError, isDatabaseUnavailable, retryAfterOf } from "@pulse/api";
import { ACCESS_MESSAGES } from "@pulse/schema";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { AUTH_BASE_PATH } from "../auth/auth";
import { handleAuthRequest } from "../auth/auth-http";
import { clientIpOf } from "../auth/resolve-principal";
import { MAX_BODY_BYTES } from "../ingest/reports-http";
import { requestContext, type Services } from "../services";
import { handleCors, isCrossSiteChange, setSecurityHeaders } from "./guard";
import { createDrain } from "./drain";
import { HttpProblem, problem, problemOfError, sendProblem } from "./problem";
import { ROUTES } from "./routes";

/**
 * One HTTP server: sign-in under /api/auth, tRPC under /trpc, the REST routes (declared in
 * routes.ts), and (attached later) socket.io. Every request is resolved to a principal first.
 * `drain` stops it: what is in flight finishes, what comes after is refused with 503.
 */
export function createHttpServer(services: Services) {
  const { logger, webOrigin } = services;
  const contextOf = async (req: IncomingMessage) => {
    try {
      return await requestContext(services, req);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      throw databaseUnavailableError(error);
    }
  };
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    // The same 1 MB limit as the plain HTTP endpoint: 413 before the body is read further.
    maxBodySize: MAX_BODY_BYTES,
    createContext: ({ req }) => contextOf(req),
    responseMeta: ({ errors }) => {
      const retryAfter = errors.map(retryAfterOf).find((seconds) => seconds !== null);
      return retryAfter ? { headers: { "retry-after": String(retryAfter) } } : {};
    },
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error, path }, "tRPC procedure failed");
    },
  });
  const failed = (res: ServerResponse) => (err: unknown) => {
    if (res.headersSent) return void res.end();
    const { problem: answer, internal } = problemOfError(err);
    if (internal) logger.error({ err }, "request failed");
    sendProblem(res, answer);
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (!drain.admit(req, res)) {
      req.resume();
      return sendProblem(res, problem(503, "apiUnavailable", { headers: { "retry-after": "1" } }));
    }
    const url = req.url ?? "/";
    const path = url.split("?")[0] ?? "/";
    setSecurityHeaders(res, webOrigin);
    if (handleCors(req, res, webOrigin)) return;
    if (path.startsWith(`${AUTH_BASE_PATH}/`)) {
      const deps = { ...services, clientIp: clientIpOf(req, services.trustProxy) };
      return void handleAuthRequest(req, res, deps).catch(failed(res));
    }
    if (isCrossSiteChange(req, webOrigin)) return sendProblem(res, new HttpProblem(403, ACCESS_MESSAGES.crossSite));
    if (url.startsWith("/trpc/")) return void trpc(req, res);
    const routes = ROUTES.filter((r) => r.path === path);
    const route = routes.find((r) => r.method === req.method);
    if (route) return void route.handle({ req, res, services, context: () => contextOf(req) }).catch(failed(res));
    if (routes.length > 0) {
      req.resume();
      const allowed = routes.map((r) => r.method).join(", ");
      return sendProblem(
        res,
        problem(405, "methodNotAllowed", { values: { method: allowed }, headers: { allow: allowed } }),
      );
    }
    // socket.io handles /socket.io/ itself; anything else is not ours.
    if (!url.startsWith("/socket.io/")) sendProblem(res, problem(404, "notFound"));
  });
  // Idle keep-alive connections outlive the clients' own timeouts (Node's 5 s default races a
  // client reusing a socket just as the server closes it: ECONNRESET on a good request).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const drain = createDrain(server);
  return { http: server, drain };
}
