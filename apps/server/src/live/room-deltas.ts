import type { LiveProgress, RoomState } from "@pulse/api";
import { deltaOf, type Room, type Versioned } from "@pulse/schema";

/**
 * Turns the room states the hub reads into the deltas it pushes: each unit and total against
 * what this process last pushed of it *in that room* (a commune is pushed in its own room and in
 * its province's, each on its own rhythm). The first push of a unit in a room carries it whole.
 * Every process keeps its own: a delta from another process is applied by version, see
 * `applyDelta`.
 */
export function createRoomDeltas() {
  const lastPushed = new Map<string, Versioned>();
  const delta = <T extends Versioned>(room: Room, key: string, state: T, keep: readonly (keyof T)[]) => {
    const id = `${room}|${key}`;
    const before = lastPushed.get(id) as T | undefined;
    lastPushed.set(id, state);
    return deltaOf(before, state, keep);
  };
  return (state: RoomState): LiveProgress => ({
    ...state,
    units: state.units.map((unit) => delta(state.room, unit.code, unit, ["code"])),
    total: state.total ? delta(state.room, "total", state.total, []) : null,
  });
}
