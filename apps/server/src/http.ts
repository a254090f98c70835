import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { appRouter, createContext, type LivePublisher } from "@pulse/api";
import type { Database } from "@pulse/db/client";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import type { Logger } from "pino";
import { createServerCaller } from "./caller";
import { HttpProblem, sendJson, sendProblem } from "./http-problem";
import { handleImportPost, sendExampleCsv } from "./import/import-http";
import { handleReportsPost, MAX_BODY_BYTES } from "./ingest-http";

/** One HTTP server: tRPC under /trpc, a health check, and (attached later) socket.io. */
export function createHttpServer({ db, live, logger }: { db: Database; live: LivePublisher; logger: Logger }) {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    // The same 1 MB limit as the plain HTTP endpoint: 413 before the body is read further.
    maxBodySize: MAX_BODY_BYTES,
    createContext: () => createContext({ db, live, now: () => new Date() }),
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error, path }, "tRPC procedure failed");
    },
  });
  const caller = createServerCaller(db, live);
  const failed = (res: ServerResponse) => (err: unknown) => {
    logger.error({ err }, "request failed");
    if (res.headersSent) return void res.end();
    sendProblem(res, new HttpProblem(500, "Lỗi máy chủ", "Server error"));
  };
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? "/";
    const path = url.split("?")[0];
    if (url.startsWith("/trpc/")) return void trpc(req, res);
    if (path === "/api/v1/reports") return void handleReportsPost(req, res, caller).catch(failed(res));
    if (path === "/api/v1/imports/example.csv") return void sendExampleCsv(res).catch(failed(res));
    if (path === "/api/v1/imports") return void handleImportPost(req, res, { db, live, logger }).catch(failed(res));
    if (path === "/healthz") return sendJson(res, 200, { ok: true });
    // socket.io handles /socket.io/ itself; anything else is not ours.
    if (!url.startsWith("/socket.io/")) sendProblem(res, new HttpProblem(404, "Không tìm thấy", "Not found"));
  });
}
