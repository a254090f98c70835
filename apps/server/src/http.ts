import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { appRouter, createContext, type LivePublisher } from "@pulse/api";
import type { Database } from "@pulse/db/client";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import type { Logger } from "pino";
import { createServerCaller } from "./caller";
import { handleReportsPost } from "./ingest-http";

/** One HTTP server: tRPC under /trpc, a health check, and (attached later) socket.io. */
export function createHttpServer({ db, live, logger }: { db: Database; live: LivePublisher; logger: Logger }) {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    createContext: () => createContext({ db, live, now: () => new Date() }),
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error, path }, "tRPC procedure failed");
    },
  });
  const caller = createServerCaller(db, live);
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? "/";
    if (url.startsWith("/trpc/")) return void trpc(req, res);
    if (url === "/api/v1/reports") {
      return void handleReportsPost(req, res, caller).catch((err: unknown) => {
        logger.error({ err }, "report ingest failed");
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { vi: "Lỗi máy chủ", en: "Server error" } }));
      });
    }
    if (url === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" });
      return void res.end(JSON.stringify({ ok: true }));
    }
    // socket.io handles /socket.io/ itself; anything else is not ours.
    if (!url.startsWith("/socket.io/")) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "not found" }));
    }
  });
}
