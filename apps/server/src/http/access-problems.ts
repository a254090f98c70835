import { RateLimitedError, throttle, type Context } from "@pulse/api";
import { ACCESS_MESSAGES } from "@pulse/schema";
import { TRPCError } from "@trpc/server";
import { HttpProblem } from "./problem";

const STATUS = { signInRequired: 401, notAllowed: 403, outOfScope: 403 } as const;

/** A refusal of the access rules as an HTTP problem (401 or 403, vi and en). */
export function accessProblem(refused: keyof typeof STATUS): HttpProblem {
  const { vi, en } = ACCESS_MESSAGES[refused];
  return new HttpProblem(STATUS[refused], vi, en);
}

/** Takes one from the ingest buckets of this caller; a 429 problem (with its wait) when empty. */
export async function throttledFor(ctx: Context): Promise<HttpProblem | null> {
  try {
    await throttle(ctx, "ingest");
    return null;
  } catch (error) {
    if (!(error instanceof TRPCError && error.cause instanceof RateLimitedError)) throw error;
    const { vi, en } = ACCESS_MESSAGES.tooManyRequests;
    return new HttpProblem(429, vi, en, [], { "retry-after": String(error.cause.retryAfterSeconds) });
  }
}
