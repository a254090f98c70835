import type { KioskRefusal, Role, Scope } from "@pulse/schema";

/** Who is asking: resolved by the server from cookies or tokens, never claimed by the client. */
export type Principal =
  | { kind: "anonymous"; refused?: KioskRefusal }
  /** the server's own callers (the demo feed); never the result of a request */
  | { kind: "system" }
  | { kind: "user"; userId: string; sessionId: string; email: string; name: string; role: Role; scope: Scope }
  | { kind: "kiosk"; tokenId: string; name: string; scope: Scope }
  /** a screen waiting to be paired: it may see nothing until a user enters its code */
  | { kind: "pairing"; tokenId: string; code: string; expiresAt: Date };

export const ANONYMOUS: Principal = { kind: "anonymous" };
export const SYSTEM: Principal = { kind: "system" };

/** Who did it, as the audit log and rate limits name them. */
export function actorOf(principal: Principal): string {
  switch (principal.kind) {
    case "user":
      return `user:${principal.email}`;
    case "kiosk":
    case "pairing":
      return `kiosk:${principal.tokenId}`;
    default:
      return principal.kind;
  }
}
