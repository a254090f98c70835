import type { Heartbeat, ProgressChanged, Room } from "@pulse/schema";
import { kioskRoom, type LiveServer } from "./io";

/** The only place that emits to clients. */
export function createEmitter(io: LiveServer) {
  return {
    progressChanged(room: Room, event: ProgressChanged): void {
      // Connection-state recovery keeps every emitted packet for two minutes, watched or not: a
      // bulk import touching thousands of communes would pile up gigabytes. Emit only to rooms
      // someone is in. (With the Redis adapter of the scale-out, membership must be cluster-wide.)
      if (!io.sockets.adapter.rooms.has(room)) return;
      io.to(room).emit("progress:changed", event);
    },
    heartbeat(beat: Heartbeat): void {
      io.emit("live:heartbeat", beat);
    },
    /** Tells the screens of a revoked token why, then cuts them. */
    kioskRevoked(tokenId: string): void {
      io.in(kioskRoom(tokenId)).emit("access:revoked", "revoked");
      io.in(kioskRoom(tokenId)).disconnectSockets(true);
    },
  };
}

export type Emitter = ReturnType<typeof createEmitter>;
