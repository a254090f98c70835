import { RateLimitedError, type RateBucket, type RateLimits } from "@pulse/api";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { RedisClient } from "../redis";

/** Where several server processes keep their buckets together. */
export interface SharedLimitStore {
  client: RedisClient;
  /** the deployment's key prefix (REDIS_PREFIX) */
  prefix: string;
}

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
  /** PDF exports per minute, per account (an office behind one address gets five times as many) */
  exportsPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  signInPerAccount: 5,
  signInPerIp: 50,
  pairingPerIp: 20,
  pairingCodesPerAccount: 10,
  ingestPerMinute: 6000,
  exportsPerMinute: 20,
};

/**
 * Token buckets: in Redis when a store is given, so N server processes allow 5 sign-in tries in
 * all, not N × 5; in this process's memory otherwise, and while Redis cannot be reached (each
 * bucket has an in-memory stand-in: limits still hold per process, nothing fails open or closed).
 * Keys are "actor:…", "ip:…" or "email:…"; sign-in counts accounts by email and addresses apart.
 */
export function createRateLimits(settings: RateLimitSettings, store?: SharedLimitStore): RateLimits {
  const limiter = (name: string, points: number, duration: number): RateLimiterAbstract => {
    const memory = new RateLimiterMemory({ points, duration });
    if (!store) return memory;
    return new RateLimiterRedis({
      storeClient: store.client,
      useRedisPackage: true,
      keyPrefix: `${store.prefix}:rl:${name}`,
      points,
      duration,
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory,
    });
  };
  const pair = (name: string, ipPoints: number, otherPoints: number, duration: number) => ({
    ip: limiter(`${name}:ip`, ipPoints, duration),
    other: limiter(name, otherPoints, duration),
  });
  const buckets: Record<RateBucket, { ip: RateLimiterAbstract; other: RateLimiterAbstract }> = {
    signIn: pair("signIn", settings.signInPerIp, settings.signInPerAccount, 15 * 60),
    pairingStart: pair("pairingStart", settings.pairingPerIp, settings.pairingPerIp, 10 * 60),
    pairingCode: pair("pairingCode", settings.pairingCodesPerAccount * 5, settings.pairingCodesPerAccount, 10 * 60),
    ingest: pair("ingest", settings.ingestPerMinute * 2, settings.ingestPerMinute, 60),
    export: pair("export", settings.exportsPerMinute * 5, settings.exportsPerMinute, 60),
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
