import type { TRPCRouterRecord } from "@trpc/server";
import type { Principal } from "../access/principal";
import { publicProcedure } from "../trpc";

/** What a page may know of who is looking: never a session id or a secret. */
export function describePrincipal(principal: Principal) {
  switch (principal.kind) {
    case "user":
      return {
        kind: "user",
        email: principal.email,
        name: principal.name,
        role: principal.role,
        scope: principal.scope,
      } as const;
    case "kiosk":
      return { kind: "kiosk", name: principal.name, scope: principal.scope } as const;
    case "pairing":
      return { kind: "pairing", code: principal.code, expiresAt: principal.expiresAt } as const;
    case "system":
      return { kind: "system" } as const;
    case "anonymous":
      return { kind: "anonymous", refused: principal.refused ?? null } as const;
  }
}

export type Viewer = ReturnType<typeof describePrincipal>;

export const authRouter = {
  /** Anyone may ask who they are: pages decide where to send a signed-out person. */
  me: publicProcedure.query(({ ctx }) => describePrincipal(ctx.principal)),
} satisfies TRPCRouterRecord;
