/** What is throttled: sign-in attempts, pairing requests, pairing codes typed, ingest, and PDF exports. */
export type RateBucket = "signIn" | "pairingStart" | "pairingCode" | "ingest" | "export";

/** Thrown when a bucket is empty; the client may retry after the given seconds. */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`rate limited, retry after ${retryAfterSeconds} s`);
  }
}

/** The server implements it (in memory, or shared through Redis); tests may pass `NO_LIMITS`. */
export interface RateLimits {
  /** takes one from each key's bucket; throws RateLimitedError when any is empty */
  consume(bucket: RateBucket, keys: readonly string[]): Promise<void>;
  /** forgets a key (a successful sign-in clears its failures) */
  reset(bucket: RateBucket, key: string): Promise<void>;
}

export const NO_LIMITS: RateLimits = { consume: async () => undefined, reset: async () => undefined };
