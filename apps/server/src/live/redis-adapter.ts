import { createAdapter } from "@socket.io/redis-streams-adapter";
import type { Logger } from "pino";
import { connectRedis } from "../redis";
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
  const client = await connectRedis(url, logger, {
    whileDown: "live updates reach only this process's screens",
    whenBack: "live updates are shared between processes again",
    onBack,
  });
  io.adapter(createAdapter(client, { streamName: `${prefix}:socket.io`, sessionKeyPrefix: `${prefix}:sio:session:` }));
  return {
    isUp: () => client.isReady,
    async detach() {
      await client.quit().catch(() => undefined);
    },
  };
}
