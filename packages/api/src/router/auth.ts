import type { Database } from "@pulse/db/client";
import { scopeUnitName } from "@pulse/db/queries";
import type { TRPCRouterRecord } from "@trpc/server";
import type { Principal } from "../access/principal";
import { publicProcedure } from "../trpc";

/** What a page may know of who is looking: never a session id or a secret. */
export async function describePrincipal(db: Database, principal: Principal) {
  switch (principal.kind) {
    case "user": {
      const { email, name, role, scope } = principal;
      return { kind: "user", email, name, role, scope, scopeName: await scopeUnitName(db, scope) } as const;
    }
    case "kiosk": {
      const { name, scope } = principal;
      return { kind: "kiosk", name, scope, scopeName: await scopeUnitName(db, scope) } as const;
    }
    case "pairing":
      return { kind: "pairing", code: principal.code, expiresAt: principal.expiresAt } as const;
    case "system":
      return { kind: "system" } as const;
    case "anonymous":
      return { kind: "anonymous", refused: principal.refused ?? null } as const;
  }
}

export type Viewer = Awaited<ReturnType<typeof describePrincipal>>;

export const authRouter = {
  /** Anyone may ask who they are: pages decide where to send a signed-out person. */
  me: publicProcedure.query(({ ctx }) => describePrincipal(ctx.db, ctx.principal)),
} satisfies TRPCRouterRecord;
