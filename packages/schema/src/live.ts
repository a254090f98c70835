import type { KioskRefusal } from "./roles";
import type { CommuneCode, ProvinceCode, Scope } from "./codes";
import type { StateDelta } from "./live-delta";

export { applyDelta, applyUnitDeltas, deltaOf, type StateDelta, type Versioned } from "./live-delta";

/** socket.io rooms: one per commune, per province, and the nation. */
export type Room = `commune:${CommuneCode}` | `province:${ProvinceCode}` | "nation";

/** The room a scope's screens watch: "nation", "province:01", "commune:00082" (as `scopeKey` writes it). */
export function roomOf(scope: Scope): Room {
  return scope.kind === "nation" ? "nation" : `${scope.kind}:${scope.code}`;
}

/** The scope a room shows. */
export function scopeOfRoom(room: Room): Scope {
  if (room === "nation") return { kind: "nation" };
  const [kind, code] = room.split(":") as ["province" | "commune", string];
  return { kind, code };
}

/** Every room a commune's change is seen in: the commune, its province, the nation. */
export function roomsOfCommune(communeCode: string, provinceCode: string): Room[] {
  return [roomOf({ kind: "commune", code: communeCode }), roomOf({ kind: "province", code: provinceCode }), "nation"];
}

const ROOM_PATTERN = /^(commune:\d{5}|province:\d{2}|nation)$/;

export function isRoom(value: unknown): value is Room {
  return typeof value === "string" && ROOM_PATTERN.test(value);
}

/**
 * Sent after commits changed counters: what changed in the room's view since this process's last
 * push of it (see `live-delta.ts`). `version` comes from the database (a commune's change counter;
 * a province's or the nation's is the sum of its communes'), so it means the same in every server
 * process and in snapshots; each unit and the total carry their own `version` and `base`, so a
 * client applies what is newer than what it holds and fetches a snapshot when it missed a push.
 */
export interface ProgressChanged<TActivity = unknown> {
  room: Room;
  /** the room's version after this push: the total's (province, nation) or the commune's */
  version: number;
  /** the communes whose reports led to this push */
  communeCodes: CommuneCode[];
  /** the units of the room's view that changed (the commune itself, a province's communes, the nation's provinces), each with its `code` */
  units: StateDelta[];
  /** the change of the room's total (province, nation); null for a commune room */
  total: StateDelta | null;
  /** the newest reports behind this push, newest first (at most ACTIVITY_ITEMS): counts only, never a person */
  activity: TActivity[];
  at: string;
}

/** How many recent-activity items a push carries and a wall's ticker shows. */
export const ACTIVITY_ITEMS = 3;

export interface Heartbeat {
  at: string;
  appVersion: string;
}

/** A room join's answer; a refusal says why in both languages. */
export type Ack = { ok: true } | { ok: false; error: { vi: string; en: string } };

/** Why the live hub refused a connection (the `data` of socket.io's connect_error). */
export interface LiveRefusal {
  code: "signInRequired" | "crossSite";
  refused: KioskRefusal | null;
}

export interface ServerToClientEvents {
  "progress:changed": (event: ProgressChanged) => void;
  "live:heartbeat": (beat: Heartbeat) => void;
  /** what this screen holds may have missed pushes (the processes' link was down): fetch snapshots again */
  "live:resync": () => void;
  /** sent just before the server cuts a screen whose token was revoked or expired, or a signed-out user */
  "access:revoked": (reason: KioskRefusal | "signedOut") => void;
  /** to a signed-in user: an alert in their scope was raised or resolved (read `alerts.mine` again) */
  "alerts:changed": () => void;
}

/** What a wall screen says of itself, every SCREEN_REPORT_MS: the fleet-health list shows it. */
export interface ScreenReport {
  /** the app version the page runs (the server's, as it was when the page loaded) */
  appVersion: string;
  /** the page it shows ("/wall/commune/00082") */
  showing: string;
}

/** How often a screen reports (one silent for 75 s is dark: `screenHealthOf` in `@pulse/indicators`). */
export const SCREEN_REPORT_MS = 30_000;

export interface ClientToServerEvents {
  "room:join": (room: Room, ack: (result: Ack) => void) => void;
  "room:leave": (room: Room) => void;
  /** from screens signed in with a kiosk token; ignored from anyone else */
  "screen:report": (report: ScreenReport) => void;
}
