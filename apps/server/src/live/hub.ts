import type { LivePublisher, RoomChange, RoomState } from "@pulse/api";
import type { CommittedReport } from "@pulse/db/ledger";
import { ACTIVITY_ITEMS, roomsOfCommune, type Room } from "@pulse/schema";
import type { Logger } from "pino";
import { Coalescer } from "./coalescer";
import type { Emitter } from "./emitter";
import { createRoomDeltas } from "./room-deltas";

/**
 * A read waiting on a database that is going away can hang until the driver's connect timeout
 * (30 s): past this, it counts as failed and is retried, so pushes resume as soon as the
 * database is back.
 */
const READ_TIMEOUT_MS = 5_000;

function withinReadTimeout<T>(read: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`live state read took over ${READ_TIMEOUT_MS} ms`)), READ_TIMEOUT_MS);
  });
  return Promise.race([read, timeout]).finally(() => clearTimeout(timer));
}

type Due = Map<Room, { communeCodes: Set<string>; reportIds: number[] }>;

/**
 * The rooms due that someone watches, as the reader takes them. A room nobody watches is not read
 * (a bulk import with no screen open reads nothing); a screen that joins later loads its snapshot,
 * and the next push's delta holds every field changed since the last one pushed (see applyDelta).
 */
function watchedChanges(due: Due, emitter: Emitter, provinceOf: Map<string, string>): RoomChange[] {
  return [...due]
    .filter(([room]) => emitter.isWatched(room))
    .map(([room, entry]) => ({ room, communeCodes: [...entry.communeCodes], reportIds: entry.reportIds, provinceOf }));
}

/** At most 4 pushes per second per room. */
export const ROOM_INTERVAL_MS = 250;
export const HEARTBEAT_MS = 5_000;

/**
 * Turns committed reports into pushes of what changed in each room, coalesced per room (the first
 * change after a quiet period at once, then at most 4 per second), and beats a heartbeat so
 * screens know they are live. Rooms due together are read together (two queries), one batch at
 * a time so a room's pushes leave in the order they were read; a batch that cannot be read (the
 * database is down) is tried again with the next.
 */
export function createLiveHub(
  emitter: Emitter,
  {
    appVersion,
    readStates,
    logger,
  }: { appVersion: string; readStates: (changes: RoomChange[]) => Promise<RoomState[]>; logger: Logger },
): LivePublisher & { flush(): Promise<void>; stop(): void } {
  const provinceOf = new Map<string, string>();
  const toDelta = createRoomDeltas();
  const due: Due = new Map();
  let running = false;
  let retry: NodeJS.Timeout | null = null;

  const add = (room: Room, communeCodes: Iterable<string>, reportIds: number[]) => {
    const entry = due.get(room) ?? { communeCodes: new Set<string>(), reportIds: [] };
    for (const code of communeCodes) entry.communeCodes.add(code);
    // only the newest reports are shown as activity
    entry.reportIds = [...entry.reportIds, ...reportIds].slice(-ACTIVITY_ITEMS);
    due.set(room, entry);
  };
  const readDue = async (): Promise<boolean> => {
    while (due.size > 0) {
      const changes = watchedChanges(due, emitter, provinceOf);
      due.clear();
      if (changes.length === 0) continue;
      try {
        for (const state of await withinReadTimeout(readStates(changes)))
          emitter.progressChanged(state.room, toDelta(state));
      } catch (err) {
        logger.warn({ err }, "live push could not read the database; trying again in 2 s");
        for (const change of changes) add(change.room, change.communeCodes, change.reportIds);
        return false;
      }
    }
    return true;
  };
  const schedule = () => {
    if (running || retry) return;
    running = true;
    setImmediate(() => {
      void readDue().then((ok) => {
        running = false;
        if (!ok) retry = setTimeout(() => ((retry = null), schedule()), 2_000);
        else if (due.size > 0) schedule();
      });
    });
  };
  const coalescer = new Coalescer<Room, CommittedReport>(ROOM_INTERVAL_MS, (room, reports) => {
    add(
      room,
      reports.map((r) => r.communeCode),
      reports.map((r) => r.reportId),
    );
    schedule();
  });
  const heartbeat = setInterval(() => emitter.heartbeat({ at: new Date().toISOString(), appVersion }), HEARTBEAT_MS);
  return {
    reportCommitted(report) {
      provinceOf.set(report.communeCode, report.provinceCode);
      for (const room of roomsOfCommune(report.communeCode, report.provinceCode)) coalescer.add(room, report);
    },
    kioskRevoked(tokenId) {
      emitter.kioskRevoked(tokenId);
    },
    /**
     * Before a stop: what waits in the coalescing window is pushed now, and this resolves once it
     * has gone out (or could not be read: the database is away, a retry is pending).
     */
    async flush() {
      coalescer.flushAll();
      while ((running || due.size > 0) && !retry) await new Promise((resolve) => setTimeout(resolve, 10));
    },
    stop() {
      clearInterval(heartbeat);
      if (retry) clearTimeout(retry);
      coalescer.stop();
    },
  };
}
