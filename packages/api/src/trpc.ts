import type { Scope } from "@pulse/schema";
import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import { assertAllowed, assertSignedIn } from "./access/gate";
import type { Action } from "./access/rules";
import type { Context } from "./context";
import { fieldErrorsOfCause, retryAfterOf, textOfError } from "./errors";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // Every error carries its words in both languages as data, and bad input its field errors.
  errorFormatter({ shape, error }) {
    // A fault of ours: the client learns that, not our SQL (the server logs the rest).
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    const text = textOfError(error);
    return {
      ...shape,
      message: internal ? text.en : shape.message,
      data: {
        ...shape.data,
        ...(internal ? { stack: undefined } : {}),
        text,
        fieldErrors: fieldErrorsOfCause(error.cause),
        retryAfterSeconds: retryAfterOf(error) ?? undefined,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Open to anyone: only for what a signed-out person or a waiting screen needs. */
export const publicProcedure = t.procedure;

/**
 * Middleware form of the access gate for scoped procedures: `.use(({ ctx, input, next }) =>
 * authorize(ctx, "read", [scopeOf(input)], next))`. Writes of reports pass the ingest service's gate.
 */
export async function authorize<T>(
  ctx: Context,
  action: Action,
  targets: readonly Scope[],
  next: () => Promise<T>,
): Promise<T> {
  await assertAllowed(ctx, action, targets);
  return next();
}

/** Signed in (a user or a paired screen), whatever the scope: the procedure narrows to it. */
export const signedInProcedure = t.procedure.use(({ ctx, next }) => {
  assertSignedIn(ctx);
  return next();
});
