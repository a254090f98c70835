import type { LivePublisher } from "@pulse/api";
import type { Room } from "@pulse/schema";
import { Coalescer } from "./coalescer";
import type { Emitter } from "./emitter";
import { roomsOf } from "./rooms";

/** At most 4 pushes per second per room. */
export const ROOM_INTERVAL_MS = 250;
export const HEARTBEAT_MS = 5_000;

/**
 * Turns committed reports into versioned pushes per room, coalesced, and beats a heartbeat so
 * screens know they are live.
 */
export function createLiveHub(emitter: Emitter, appVersion: string): LivePublisher & { stop(): void } {
  const versions = new Map<Room, number>();
  const coalescer = new Coalescer<Room, string>(ROOM_INTERVAL_MS, (room, communeCodes) => {
    const version = (versions.get(room) ?? 0) + 1;
    versions.set(room, version);
    emitter.progressChanged(room, { room, version, communeCodes, at: new Date().toISOString() });
  });
  const heartbeat = setInterval(() => emitter.heartbeat({ at: new Date().toISOString(), appVersion }), HEARTBEAT_MS);
  return {
    reportCommitted(report) {
      for (const room of roomsOf(report.communeCode, report.provinceCode)) coalescer.add(room, report.communeCode);
    },
    kioskRevoked(tokenId) {
      emitter.kioskRevoked(tokenId);
    },
    stop() {
      clearInterval(heartbeat);
      coalescer.stop();
    },
  };
}
