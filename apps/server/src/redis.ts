import type { Logger } from "pino";
import { createClient } from "redis";

export type RedisClient = ReturnType<typeof createClient>;

/** What a connection is for, in the words its outage and its return are logged with. */
export interface RedisPurpose {
  /** logged once (as an error) when it goes away, e.g. "live updates reach only this process's screens" */
  whileDown: string;
  /** logged (as a warning) when it is back */
  whenBack: string;
  onBack?: () => void;
}

/**
 * A Redis connection that reconnects by itself (200 ms doubling to 5 s), saying loudly once when
 * Redis went away and what that means, and again when it is back.
 */
export async function connectRedis(url: string, logger: Logger, purpose: RedisPurpose): Promise<RedisClient> {
  let down = false;
  const client = createClient({
    url,
    socket: { reconnectStrategy: (retries) => Math.min(200 * 2 ** Math.min(retries, 5), 5_000) },
  });
  client.on("error", (err: unknown) => {
    if (down) return;
    down = true;
    logger.error({ err }, `REDIS UNREACHABLE: ${purpose.whileDown} until it is back`);
  });
  client.on("ready", () => {
    if (!down) return;
    logger.warn(`Redis is back: ${purpose.whenBack}`);
    down = false;
    purpose.onBack?.();
  });
  await client.connect();
  return client;
}
