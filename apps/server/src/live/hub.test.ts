import type { RoomChange, RoomState } from "@pulse/api";
import type { CommittedReport } from "@pulse/db/ledger";
import type { Room } from "@pulse/schema";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import type { Emitter } from "./emitter";
import { createLiveHub } from "./hub";

const committed = (reportId: number, communeCode: string, provinceCode: string): CommittedReport => ({
  reportId,
  idempotencyKey: `k${reportId}`,
  receivedAt: new Date(),
  applied: true,
  duplicate: false,
  overEligible: false,
  review: null,
  communeCode,
  provinceCode,
  version: reportId,
});

/** A hub over an emitter whose watched rooms the test sets, with a reader that records what it was asked. */
function hubWatching(watched: Set<Room>) {
  const read: Room[][] = [];
  const pushed: Room[] = [];
  const emitter = {
    isWatched: (room: Room) => watched.has(room),
    progressChanged: (room: Room) => void pushed.push(room),
    heartbeat: () => undefined,
    resync: () => undefined,
    kioskRevoked: () => undefined,
    alertsChanged: () => undefined,
  } satisfies Emitter;
  const readStates = async (changes: RoomChange[]): Promise<RoomState[]> => {
    read.push(changes.map((c) => c.room));
    return changes.map((c) => ({
      room: c.room,
      version: 1,
      communeCodes: c.communeCodes,
      units: [],
      total: null,
      activity: [],
      at: "",
    }));
  };
  const hub = createLiveHub(emitter, { appVersion: "test", readStates, logger: pino({ level: "silent" }) });
  return { hub, read, pushed };
}

describe("the live hub's reads", () => {
  const hubs: { stop(): void }[] = [];
  afterEach(() => hubs.splice(0).forEach((h) => h.stop()));

  it("reads and pushes only the rooms someone watches: with no screen open, a report reads nothing", async () => {
    const nobody = hubWatching(new Set());
    hubs.push(nobody.hub);
    nobody.hub.reportCommitted(committed(1, "00082", "01"));
    await nobody.hub.flush();
    expect(nobody.read).toEqual([]);

    const one = hubWatching(new Set<Room>(["province:01"]));
    hubs.push(one.hub);
    one.hub.reportCommitted(committed(2, "00082", "01"));
    await one.hub.flush();
    expect(one.read).toEqual([["province:01"]]);
    expect(one.pushed).toEqual(["province:01"]);
  });
});
