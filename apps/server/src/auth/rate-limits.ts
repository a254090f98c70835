import { RateLimitedError, type RateBucket, type RateLimits } from "@pulse/api";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export interface RateLimitSettings {
  /** attempts per 15 minutes, per account (email) and per address */
  signInPerAccount: number;
  signInPerIp: number;
  /** TVs asking for a pairing code, per address per 10 minutes */
  pairingPerIp: number;
  /** pairing codes typed, per account per 10 minutes */
  pairingCodesPerAccount: number;
  /** ingest requests per minute, per account or token and per address */
  ingestPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  signInPerAccount: 5,
  signInPerIp: 50,
  pairingPerIp: 20,
  pairingCodesPerAccount: 10,
  ingestPerMinute: 6000,
};

/**
 * Token buckets in this process's memory (per process: with several servers each keeps its own).
 * Keys are "actor:…", "ip:…" or "email:…"; sign-in counts accounts by email and addresses apart.
 */
export function createRateLimits(settings: RateLimitSettings): RateLimits {
  const limiter = (points: number, duration: number) => new RateLimiterMemory({ points, duration });
  const buckets: Record<RateBucket, { ip: RateLimiterMemory; other: RateLimiterMemory }> = {
    signIn: { ip: limiter(settings.signInPerIp, 15 * 60), other: limiter(settings.signInPerAccount, 15 * 60) },
    pairingStart: { ip: limiter(settings.pairingPerIp, 10 * 60), other: limiter(settings.pairingPerIp, 10 * 60) },
    pairingCode: {
      ip: limiter(settings.pairingCodesPerAccount * 5, 10 * 60),
      other: limiter(settings.pairingCodesPerAccount, 10 * 60),
    },
    ingest: { ip: limiter(settings.ingestPerMinute * 2, 60), other: limiter(settings.ingestPerMinute, 60) },
  };
  const of = (bucket: RateBucket, key: string) => (key.startsWith("ip:") ? buckets[bucket].ip : buckets[bucket].other);
  return {
    async consume(bucket, keys) {
      // Anonymous callers share one actor key; only their address tells them apart.
      const counted = keys.filter((key) => key !== "actor:anonymous");
      try {
        await Promise.all(counted.map((key) => of(bucket, key).consume(key)));
      } catch (error) {
        if (error instanceof RateLimiterRes)
          throw new RateLimitedError(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
        throw error;
      }
    },
    async reset(bucket, key) {
      await of(bucket, key).delete(key);
    },
  };
}
