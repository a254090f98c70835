import type { CommuneCode, ProvinceCode } from "./codes";

/** socket.io rooms: one per commune, per province, and the nation. */
export type Room = `commune:${CommuneCode}` | `province:${ProvinceCode}` | "nation";

/** Sent after a commit changed counters; clients refetch or patch the snapshot they hold. */
export interface ProgressChanged {
  room: Room;
  /** strictly increasing per room within a server's life */
  version: number;
  communeCodes: CommuneCode[];
  at: string;
}

export interface Heartbeat {
  at: string;
  appVersion: string;
}

export type Ack = { ok: true } | { ok: false; error: string };

export interface ServerToClientEvents {
  "progress:changed": (event: ProgressChanged) => void;
  "live:heartbeat": (beat: Heartbeat) => void;
}

export interface ClientToServerEvents {
  "room:join": (room: Room, ack: (result: Ack) => void) => void;
  "room:leave": (room: Room) => void;
}
