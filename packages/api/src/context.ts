import type { Database } from "@pulse/db/client";
import type { Principal } from "./access/principal";
import type { RateLimits } from "./access/limits";
import type { ProvinceOf } from "./access/rules";
import type { LivePublisher } from "./live";
import type { DeliveryRequests } from "./subscriptions";

/** Built from plain inputs (never req/res), so routers test with `createCaller`. */
export interface Context {
  db: Database;
  live: LivePublisher;
  /** the job queue of scheduled reports: confirmation messages */
  deliveries: DeliveryRequests;
  /** the clock: tests fix it, the server passes `() => new Date()` */
  now: () => Date;
  /** who is asking, resolved by the server from the request */
  principal: Principal;
  /** the geography scope checks need (static: loaded once by the server) */
  provinceOf: ProvinceOf;
  limits: RateLimits;
  /** the client's address, for rate limits and the audit log */
  clientIp: string | null;
  /** a token was paired or revoked: whoever remembers who a credential is must look again */
  accessChanged: () => void;
}

export function createContext(inputs: Context): Context {
  return inputs;
}
