import type { Heartbeat, ProgressChanged, Room } from "@pulse/schema";
import { kioskRoom, userRoom, type LiveServer } from "./io";

/**
 * The only place that emits to clients. `cluster`: rooms are shared with other processes
 * through Redis, so this process cannot know who is in a room elsewhere.
 */
export function createEmitter(io: LiveServer, { cluster }: { cluster: { isUp(): boolean } | null }) {
  return {
    /**
     * Whether a push to this room can reach anyone: alone, only if a socket here is in it;
     * clustered, always (screens elsewhere are not known here).
     */
    isWatched(room: Room): boolean {
      return cluster?.isUp() === true || io.sockets.adapter.rooms.has(room);
    },
    progressChanged(room: Room, event: ProgressChanged): void {
      if (cluster?.isUp()) {
        io.to(room).emit("progress:changed", event);
        return;
      }
      // Connection-state recovery keeps every emitted packet for two minutes, watched or not: a
      // bulk import touching thousands of communes would pile up gigabytes in one process. Alone,
      // emit only to rooms someone is in here; clustered, the Redis stream (capped) carries them.
      // Redis down: the adapter would wait for it before delivering even here, so only here, now.
      if (io.sockets.adapter.rooms.has(room)) io.local.to(room).emit("progress:changed", event);
    },
    /** Redis is back: this process's screens refetch what other processes pushed meanwhile. */
    resync(): void {
      io.local.emit("live:resync");
    },
    /** Each process beats for its own clients: a screen hears its own server, Redis or not. */
    heartbeat(beat: Heartbeat): void {
      io.local.emit("live:heartbeat", beat);
    },
    /** These users' notices changed: their pages read them again (on every process). */
    alertsChanged(userIds: string[]): void {
      if (userIds.length > 0) io.to(userIds.map(userRoom)).emit("alerts:changed");
    },
    /** Tells the screens of a revoked token why, then cuts them, on every process. */
    kioskRevoked(tokenId: string): void {
      io.in(kioskRoom(tokenId)).emit("access:revoked", "revoked");
      io.in(kioskRoom(tokenId)).disconnectSockets(true);
    },
  };
}

export type Emitter = ReturnType<typeof createEmitter>;
