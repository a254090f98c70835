import { createServer as createTcpServer, connect, type Socket } from "node:net";

/** A TCP hop between the server and Postgres or Redis that a test can cut and restore: an outage. */
export function outageProxy(target: URL, port: number) {
  const sockets = new Set<Socket>();
  let listener: ReturnType<typeof createTcpServer> | null = null;
  const up = () =>
    new Promise<void>((resolve) => {
      listener = createTcpServer((client) => {
        const upstream = connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("error", () => s.destroy());
          s.on("close", () => sockets.delete(s));
        }
        client.pipe(upstream).pipe(client);
      });
      listener.listen(port, "127.0.0.1", resolve);
    });
  const down = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      if (listener) listener.close(() => resolve());
      else resolve();
    });
  return { up, down };
}
