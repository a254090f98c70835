import { totalOf, withIndicatorsOf, type RoomState, type UnitProgress } from "@pulse/api";
import type { UnitProgressRow } from "@pulse/db/queries";
import { applyDelta, applyUnitDeltas, type Room, type StateDelta, type Versioned } from "@pulse/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRoomDeltas } from "./room-deltas";

const campaign = { startsOn: "2026-10-01", deadline: "2027-01-01", targetRate: 0.8 } as const;
const now = new Date("2026-12-03T03:00:00Z");
const PROVINCE_OF: Record<string, string> = { "00082": "01", "00070": "01", "26734": "79" };
const COUNTERS = ["eidL2Activated", "eidL2Registered", "peopleTrained", "householdsVisited"] as const;

function row(code: string, kind: string): UnitProgressRow {
  return {
    code,
    name: code,
    nameEn: code,
    fullName: code,
    fullNameEn: code,
    kind,
    communes: 1,
    villagesReported: 0,
    lastReportAt: null,
    isDemo: false,
    version: 1,
    eligible: 5_000,
    cccdIssued: 0,
    eidL2Registered: 0,
    eidL2Activated: 0,
    peopleTrained: 0,
    householdsVisited: 0,
    smartphonesDonated: 0,
    villagesTotal: 10,
    villagesWithTeam: 5,
    supportStaff: 3,
    activatedLast7Days: 0,
  };
}

/** The database, as far as pushes see it: communes' rows, provinces and totals summed from them. */
class Model {
  communes = new Map(Object.keys(PROVINCE_OF).map((code) => [code, row(code, "xa")]));
  apply(change: Change, at: number) {
    const commune = this.communes.get(change.commune);
    if (!commune) return;
    const value = change.snapshot ? change.value : commune[change.counter] + change.value;
    this.communes.set(change.commune, {
      ...commune,
      [change.counter]: value,
      activatedLast7Days: change.counter === "eidL2Activated" ? value : commune.activatedLast7Days,
      lastReportAt: new Date(at).toISOString(),
      villagesReported: Math.min(10, commune.villagesReported + 1),
      version: commune.version + 1,
    });
  }
  commune = (code: string): UnitProgress => withIndicatorsOf(this.communes.get(code) ?? row(code, "xa"), campaign, now);
  communesOf = (province: string) => [...this.communes.values()].filter((c) => PROVINCE_OF[c.code] === province);
  province(code: string): UnitProgress {
    const communes = this.communesOf(code);
    const { indicators, ...counts } = totalOf(communes, campaign, now);
    const villagesReported = communes.reduce((n, c) => n + c.villagesReported, 0);
    return { ...row(code, "tinh"), ...counts, villagesReported, indicators };
  }
  /** The room's state as the hub reads it after `changed` communes moved, and its fresh snapshot. */
  state(room: Room, changed: string[]): RoomState {
    const base = { room, communeCodes: changed, activity: [], at: now.toISOString() };
    if (room.startsWith("commune:")) {
      const unit = this.commune(room.slice(8));
      return { ...base, version: unit.version, units: [unit], total: null };
    }
    if (room === "nation") {
      const provinces = [...new Set(Object.values(PROVINCE_OF))].map((code) => this.province(code));
      const total = totalOf(provinces, campaign, now);
      const moved = new Set(changed.map((c) => PROVINCE_OF[c]));
      return { ...base, version: total.version, units: provinces.filter((p) => moved.has(p.code)), total };
    }
    const code = room.slice(9);
    const total = totalOf(this.communesOf(code), campaign, now);
    const units = this.communesOf(code).filter((c) => changed.includes(c.code));
    return { ...base, version: total.version, units: units.map((c) => this.commune(c.code)), total };
  }
  /** What a screen loads: every unit of the room's view, and its total. */
  snapshot(room: Room): View {
    const state = this.state(room, Object.keys(PROVINCE_OF));
    return { units: state.units, total: state.total };
  }
}

interface Change {
  commune: string;
  counter: (typeof COUNTERS)[number];
  snapshot: boolean;
  value: number;
}
type View = { units: (Versioned & { code: string })[]; total: Versioned | null };
type Push = ReturnType<ReturnType<typeof createRoomDeltas>>;

const change = fc.record({
  commune: fc.constantFrom(...Object.keys(PROVINCE_OF)),
  counter: fc.constantFrom(...COUNTERS),
  // snapshots move figures down as well as up (and back again between two pushes)
  snapshot: fc.boolean(),
  value: fc.integer({ min: 0, max: 6_000 }),
});
/** Between two pushes of a room, one to four reports commit. */
const pushes = fc.array(fc.array(change, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 25 });
const ROOMS: Room[] = ["commune:00082", "province:01", "nation"];

function applied(view: View, push: Push): View | "behind" {
  const units = applyUnitDeltas(view.units, push.units);
  const total = view.total && push.total ? applyDelta(view.total, push.total) : view.total;
  return units.behind || total === "behind" ? "behind" : { units: units.units, total };
}

/**
 * Runs the reports through a model of the database and the hub's deltas; `onPush` sees each push
 * with what a screen of its room loaded before the first report.
 */
function run(steps: Change[][], onPush: (room: Room, push: Push, model: Model, loaded: View) => void) {
  const model = new Model();
  const toDelta = createRoomDeltas();
  let clock = now.getTime();
  const loaded = new Map(ROOMS.map((room) => [room, model.snapshot(room)]));
  for (const step of steps) {
    for (const c of step) model.apply(c, (clock += 1000));
    const changed = [...new Set(step.map((c) => c.commune))];
    for (const room of ROOMS) {
      const state = model.state(room, changed);
      // as the hub does: a room is pushed when one of its communes changed
      if (room !== "nation" && !changed.some((c) => room === `commune:${c}` || room === `province:${PROVINCE_OF[c]}`))
        continue;
      onPush(room, toDelta(state), model, loaded.get(room) ?? model.snapshot(room));
    }
  }
}

describe("pushed deltas", () => {
  it("applied to the snapshot a screen loaded, equal a fresh snapshot after every push, in every kind of room", () => {
    fc.assert(
      fc.property(pushes, (steps) => {
        const views = new Map<Room, View>();
        run(steps, (room, push, model, loaded) => {
          const next = applied(views.get(room) ?? loaded, push);
          expect(next).not.toBe("behind");
          views.set(room, next as View);
          expect(next).toEqual(model.snapshot(room));
        });
      }),
      { numRuns: 200 },
    );
  });

  it("are small: a unit's delta holds only what changed", () => {
    const oneMore: Change = { commune: "00082", counter: "peopleTrained", snapshot: false, value: 1 };
    const units: StateDelta[] = [];
    run([[oneMore], [oneMore]], (room, push) => {
      if (room === "commune:00082") units.push(...push.units);
    });
    // the first push of a unit carries it whole; the next, what one report changed
    expect(units[0]?.base).toBeNull();
    expect(Object.keys(units[1] ?? {}).sort()).toEqual(
      ["base", "code", "lastReportAt", "peopleTrained", "version", "villagesReported"].sort(),
    );
  });

  it("missed by a screen: the next push says it is behind, never applied to the wrong base", () => {
    fc.assert(
      fc.property(
        pushes.filter((s) => s.length >= 2),
        fc.nat(),
        (steps, pick) => {
          for (const room of ROOMS) {
            let index = -1;
            let view: View | undefined;
            let missed = -1;
            let behindAfterMiss: boolean | null = null;
            run(steps, (r, push, _model, loaded) => {
              if (r !== room) return;
              index += 1;
              if (missed < 0 && index === pick % (steps.length - 1)) return void (missed = index);
              const next = applied(view ?? loaded, push);
              if (missed >= 0 && behindAfterMiss === null) behindAfterMiss = next === "behind";
              if (next !== "behind") view = next;
            });
            if (missed >= 0 && behindAfterMiss !== null) expect(behindAfterMiss).toBe(true);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
