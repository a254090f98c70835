import { appRouter, createCallerFactory, createContext, type LivePublisher } from "@pulse/api";
import type { Database } from "@pulse/db/client";

/** A server-side caller: the demo feed goes through the same procedures as the API. */
export function createServerCaller(db: Database, live: LivePublisher) {
  return createCallerFactory(appRouter)(createContext({ db, live, now: () => new Date() }));
}

export type ServerCaller = ReturnType<typeof createServerCaller>;
