import type { Server as HttpServer } from "node:http";
import type { ClientToServerEvents, ServerToClientEvents } from "@pulse/schema";
import { Server } from "socket.io";
import { isRoom } from "./rooms";

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents>;

/** socket.io on the API's own port; clients join rooms with an acknowledgement. */
export function createLiveServer(http: HttpServer, webOrigin: string): LiveServer {
  const io: LiveServer = new Server(http, {
    cors: { origin: webOrigin },
    // Compression cost 255 KB per client and 7× latency in measurements: off.
    perMessageDeflate: false,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000 },
  });
  io.on("connection", (socket) => {
    socket.on("room:join", (room, ack) => {
      if (!isRoom(room)) return ack({ ok: false, error: `unknown room ${String(room)}` });
      void socket.join(room);
      ack({ ok: true });
    });
    socket.on("room:leave", (room) => {
      if (isRoom(room)) void socket.leave(room);
    });
  });
  return io;
}
