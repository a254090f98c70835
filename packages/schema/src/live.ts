import type { KioskRefusal } from "./access";
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

/** Why the live hub refused a connection (the `data` of socket.io's connect_error). */
export interface LiveRefusal {
  code: "signInRequired" | "crossSite";
  refused: KioskRefusal | null;
}

export interface ServerToClientEvents {
  "progress:changed": (event: ProgressChanged) => void;
  "live:heartbeat": (beat: Heartbeat) => void;
  /** sent just before the server cuts a screen whose token was revoked or expired, or a signed-out user */
  "access:revoked": (reason: KioskRefusal | "signedOut") => void;
}

export interface ClientToServerEvents {
  "room:join": (room: Room, ack: (result: Ack) => void) => void;
  "room:leave": (room: Room) => void;
}
