import { randomUUID } from "node:crypto";
import type { Database } from "@pulse/db/client";
import { authUsers } from "@pulse/db/tables";
import type { Role, Scope } from "@pulse/schema";
import type { CommittedReport } from "@pulse/db/ledger";
import { TEST_NOW } from "@pulse/db/testing";
import { loadProvinceOf } from "./access/geography";
import { NO_LIMITS } from "./access/limits";
import { SYSTEM, type Principal } from "./access/principal";
import type { Context } from "./context";
import { createApiCaller } from "./root";
import { openImport } from "./ingest/service";
import { NO_DELIVERIES } from "./subscriptions";

/** What the live hub was told during a test. */
export interface LiveRecord {
  committed: CommittedReport[];
  revoked: string[];
}

/** Contexts as each kind of principal over one test database, with the clock fixed and no rate limits. */
export async function testContexts(db: Database, overrides: Partial<Context> = {}) {
  const provinceOf = await loadProvinceOf(db);
  const live: LiveRecord = { committed: [], revoked: [] };
  const contextAs = (principal: Principal): Context => ({
    db,
    live: { reportCommitted: (r) => live.committed.push(r), kioskRevoked: (id) => live.revoked.push(id) },
    deliveries: NO_DELIVERIES,
    now: () => TEST_NOW,
    principal,
    provinceOf,
    limits: NO_LIMITS,
    clientIp: "192.0.2.1",
    accessChanged: () => undefined,
    ...overrides,
  });
  return { contextAs, live, provinceOf };
}

/** Callers as each kind of principal (see `testContexts`). */
export async function testCallers(db: Database, overrides: Partial<Context> = {}) {
  const { contextAs, live, provinceOf } = await testContexts(db, overrides);
  const callerAs = (principal: Principal) => createApiCaller(contextAs(principal));
  return { callerAs, contextAs, live, provinceOf };
}

/** How the server's own file import writes (full access), as the import endpoint opens it. */
export async function systemImportWriter(db: Database, overrides: Partial<Context> = {}) {
  const { contextAs, live } = await testContexts(db, overrides);
  return { writer: await openImport(contextAs(SYSTEM)), live };
}

/** A person with a role and scope, as a signed-in request would carry them (the account row included). */
export async function testUser(db: Database, name: string, role: Role, scope: Scope): Promise<Principal> {
  const userId = randomUUID();
  const email = `${name}@pulse.test`;
  await db.insert(authUsers).values({ id: userId, name, email });
  return { kind: "user", userId, sessionId: randomUUID(), email, name, role, scope };
}
