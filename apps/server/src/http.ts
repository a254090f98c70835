import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { appRouter, createContext, type LivePublisher } from "@pulse/api";
import type { Database } from "@pulse/db/client";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import type { Logger } from "pino";

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
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? "/";
    if (url.startsWith("/trpc/")) return void trpc(req, res);
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
