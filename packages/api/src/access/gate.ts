import { ACCESS_MESSAGES, type Scope } from "@pulse/schema";
import type { Context } from "../context";
import { apiError } from "../errors";
import { RateLimitedError, type RateBucket } from "./limits";
import { actorOf } from "./principal";
import { refusal, type Action } from "./rules";

/** What the gate reads of a request. */
export type GateContext = Pick<Context, "principal" | "provinceOf" | "limits" | "clientIp">;

/** Takes one from each bucket of this principal and address; 429 with the wait when empty. */
export async function throttle(ctx: GateContext, bucket: RateBucket, extraKeys: readonly string[] = []): Promise<void> {
  const keys = [`actor:${actorOf(ctx.principal)}`, ...(ctx.clientIp ? [`ip:${ctx.clientIp}`] : []), ...extraKeys];
  try {
    await ctx.limits.consume(bucket, keys);
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error;
    throw apiError("TOO_MANY_REQUESTS", ACCESS_MESSAGES.tooManyRequests, {
      retryAfterSeconds: error.retryAfterSeconds,
      cause: error,
    });
  }
}

/** A user, a paired screen or the server itself: what may reach a procedure that narrows to its scope. */
export function assertSignedIn(ctx: Pick<Context, "principal">): void {
  const { kind } = ctx.principal;
  if (kind !== "user" && kind !== "kiosk" && kind !== "system")
    throw apiError("UNAUTHORIZED", ACCESS_MESSAGES.signInRequired);
}

/**
 * The one gate: may this principal do `action` on every target? 401 or 403 with the reason
 * when not. Writes also take from the ingest rate limit (the server's own writes excepted).
 */
export async function assertAllowed(ctx: GateContext, action: Action, targets: readonly Scope[]): Promise<void> {
  const refused = refusal(ctx.principal, action, targets, ctx.provinceOf);
  if (refused === "signInRequired") throw apiError("UNAUTHORIZED", ACCESS_MESSAGES[refused]);
  if (refused) throw apiError("FORBIDDEN", ACCESS_MESSAGES[refused]);
  if (action === "write" && ctx.principal.kind !== "system") await throttle(ctx, "ingest");
}
