import type { IncomingMessage, Server, ServerResponse } from "node:http";

/**
 * A stop that finishes what it started and refuses the rest: requests in flight when the stop
 * begins run to their answer (a report is then acknowledged and kept), each on a connection that
 * closes after it; a request arriving later on a kept-alive connection is answered 503 (nothing
 * written) so the client goes to another process. socket.io's long polls are not waited for.
 */
export interface Drain {
  /** Whether this request may run; false once stopping (the caller answers 503). */
  admit(req: IncomingMessage, res: ServerResponse): boolean;
  /** Stops accepting and waits for the requests in flight, at most `timeoutMs`; true when all ended. */
  drain(timeoutMs: number): Promise<boolean>;
}

export function createDrain(server: Server): Drain {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  let settle: (() => void) | null = null;
  return {
    admit(req, res) {
      if (draining) {
        res.shouldKeepAlive = false;
        return false;
      }
      if (req.url?.startsWith("/socket.io/")) return true;
      inFlight.add(res);
      res.once("close", () => {
        inFlight.delete(res);
        if (inFlight.size === 0) settle?.();
      });
      return true;
    },
    async drain(timeoutMs) {
      draining = true;
      server.close();
      server.closeIdleConnections();
      for (const res of inFlight) if (!res.headersSent) res.shouldKeepAlive = false;
      if (inFlight.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          new Promise<void>((resolve) => (settle = resolve)),
          new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
        ]);
        clearTimeout(timer);
      }
      const drained = inFlight.size === 0;
      server.closeAllConnections();
      return drained;
    },
  };
}
