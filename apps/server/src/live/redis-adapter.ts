import { createAdapter } from "@socket.io/redis-streams-adapter";
import type { Logger } from "pino";
import { createClient } from "redis";
import type { LiveServer } from "./io";

export interface RedisLink {
  /** false while Redis is unreachable: pushes then go to this process's screens only */
  isUp(): boolean;
  detach(): Promise<void>;
}

/**
 * Shares rooms between server processes through a Redis stream (which keeps connection-state
 * recovery working across them). Redis going away is logged loudly, and each process keeps
 * serving its own clients; the client reconnects by itself, the stream resumes, and `onBack`
 * runs so screens can catch up on what other processes pushed meanwhile.
 */
export async function attachRedisAdapter(
  io: LiveServer,
  { url, prefix, logger, onBack }: { url: string; prefix: string; logger: Logger; onBack: () => void },
): Promise<RedisLink> {
  let down = false;
  const client = createClient({
    url,
    socket: { reconnectStrategy: (retries) => Math.min(200 * 2 ** Math.min(retries, 5), 5_000) },
  });
  client.on("error", (err: unknown) => {
    if (down) return;
    down = true;
    logger.error({ err }, "REDIS UNREACHABLE: live updates reach only this process's screens until it is back");
  });
  client.on("ready", () => {
    if (!down) return;
    logger.warn("Redis is back: live updates are shared between processes again");
    down = false;
    onBack();
  });
  await client.connect();
  io.adapter(createAdapter(client, { streamName: `${prefix}:socket.io`, sessionKeyPrefix: `${prefix}:sio:session:` }));
  return {
    isUp: () => client.isReady,
    async detach() {
      await client.quit().catch(() => undefined);
    },
  };
}
