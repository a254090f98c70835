import type { Heartbeat, ProgressChanged, Room } from "@pulse/schema";
import type { LiveServer } from "./io";

/** The only place that emits to clients. */
export function createEmitter(io: LiveServer) {
  return {
    progressChanged(room: Room, event: ProgressChanged): void {
      io.to(room).emit("progress:changed", event);
    },
    heartbeat(beat: Heartbeat): void {
      io.emit("live:heartbeat", beat);
    },
  };
}

export type Emitter = ReturnType<typeof createEmitter>;
