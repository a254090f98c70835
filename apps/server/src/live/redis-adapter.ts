import { createAdapter } from "@socket.io/redis-streams-adapter";
import type { Logger } from "pino";
import { createClient } from "redis";
import type { LiveServer } from "./io";

/**
 * Shares rooms between server processes through a Redis stream (which keeps connection-state
 * recovery working across them). Redis going away is logged loudly, and each process keeps
 * serving its own clients; the client reconnects by itself, and the stream resumes.
 */
export async function attachRedisAdapter(
  io: LiveServer,
  { url, prefix, logger }: { url: string; prefix: string; logger: Logger },
): Promise<() => Promise<void>> {
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
    if (down) logger.warn("Redis is back: live updates are shared between processes again");
    down = false;
  });
  await client.connect();
  io.adapter(createAdapter(client, { streamName: `${prefix}:socket.io`, sessionKeyPrefix: `${prefix}:sio:session:` }));
  return async () => {
    await client.quit().catch(() => undefined);
  };
}
