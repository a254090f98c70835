import { ACCESS_MESSAGES, type Scope } from "@pulse/schema";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { RateLimitedError, type RateBucket } from "./access/limits";
import { actorOf } from "./access/principal";
import { refusal, type Action } from "./access/rules";
import type { Context } from "./context";
import { fieldErrorsOfCause } from "./errors";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // Bad input comes back as field errors in Vietnamese and English, whatever caught it.
  errorFormatter({ shape, error }) {
    const retryAfterSeconds = error.cause instanceof RateLimitedError ? error.cause.retryAfterSeconds : undefined;
    // A fault of ours: the client learns that, not our SQL (the server logs the rest).
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    return {
      ...shape,
      message: internal ? "Lỗi máy chủ / Server error" : shape.message,
      data: {
        ...shape.data,
        ...(internal ? { stack: undefined } : {}),
        fieldErrors: fieldErrorsOfCause(error.cause),
        retryAfterSeconds,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Open to anyone: only for what a signed-out person or a waiting screen needs. */
export const publicProcedure = t.procedure;

const message = (key: keyof typeof ACCESS_MESSAGES) => `${ACCESS_MESSAGES[key].vi} / ${ACCESS_MESSAGES[key].en}`;

/** Takes one from each bucket of this principal and address; 429 with the wait when empty. */
export async function throttle(ctx: Context, bucket: RateBucket, extraKeys: readonly string[] = []): Promise<void> {
  const keys = [`actor:${actorOf(ctx.principal)}`, ...(ctx.clientIp ? [`ip:${ctx.clientIp}`] : []), ...extraKeys];
  try {
    await ctx.limits.consume(bucket, keys);
  } catch (error) {
    if (error instanceof RateLimitedError)
      throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: message("tooManyRequests"), cause: error });
    throw error;
  }
}

/**
 * The one gate every scoped procedure passes: may this principal do `action` on every target?
 * Writes also take from the ingest rate limit. Use as `.use(({ ctx, input, next }) =>
 * authorize(ctx, "read", [scopeOf(input)], next))`.
 */
export async function authorize<T>(
  ctx: Context,
  action: Action,
  targets: readonly Scope[],
  next: () => Promise<T>,
): Promise<T> {
  const refused = refusal(ctx.principal, action, targets, ctx.provinceOf);
  if (refused === "signInRequired") throw new TRPCError({ code: "UNAUTHORIZED", message: message(refused) });
  if (refused) throw new TRPCError({ code: "FORBIDDEN", message: message(refused) });
  if (action === "write" && ctx.principal.kind !== "system") await throttle(ctx, "ingest");
  return next();
}

/** Signed in (a user or a paired screen), whatever the scope: the procedure narrows to it. */
export const signedInProcedure = t.procedure.use(({ ctx, next }) => {
  const { kind } = ctx.principal;
  if (kind !== "user" && kind !== "kiosk" && kind !== "system")
    throw new TRPCError({ code: "UNAUTHORIZED", message: message("signInRequired") });
  return next();
});
