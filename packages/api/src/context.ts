import type { Database } from "@pulse/db/client";
import type { LivePublisher } from "./live";

/** Built from plain inputs (never req/res), so routers test with `createCaller`. */
export interface Context {
  db: Database;
  live: LivePublisher;
  /** the clock: tests fix it, the server passes `() => new Date()` */
  now: () => Date;
}

export function createContext(inputs: Context): Context {
  return inputs;
}
