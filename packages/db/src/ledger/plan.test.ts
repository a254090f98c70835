import { COUNTER_KEYS, zeroCounters, type Counters, type CountsReport } from "@pulse/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ReportConflictError, type CommuneState, type LedgerEntry, type UnitState } from "./entries";
import { isOverEligible, planLedgerWrite, type LedgerPlan, type LedgerState } from "./plan";

const RECEIVED_AT = "2026-12-02T03:00:00.000Z";

const commune = (code: string, counters: Partial<Counters> = {}): CommuneState => ({
  code,
  provinceCode: "01",
  eligible: 1000,
  version: 7,
  snapshotAsOf: null,
  lastReportAt: null,
  ...zeroCounters(),
  ...counters,
});

const village = (code: string, counters: Partial<Counters> = {}, snapshotAsOf: string | null = null): UnitState => ({
  code,
  snapshotAsOf,
  lastReportAt: snapshotAsOf,
  ...zeroCounters(),
  ...counters,
});

let keys = 0;
function entry(
  counters: Partial<Counters>,
  {
    village: villageCode,
    mode = "increment",
    asOf = "2026-12-02T02:00:00Z",
    key,
  }: Partial<{
    village: string;
    mode: "increment" | "snapshot";
    asOf: string;
    key: string;
  }> = {},
): LedgerEntry {
  const report: CountsReport = {
    idempotencyKey: key ?? `00000000-0000-4000-8000-${String(++keys).padStart(12, "0")}`,
    communeCode: "00082",
    ...(villageCode ? { villageCode } : {}),
    asOf: new Date(asOf),
    reporter: "Tổ công tác",
    source: "api",
    mode,
    counters,
  };
  return { report, mode };
}

function stateWith(villages: UnitState[] = [], existing: [string, string][] = []): LedgerState {
  return {
    existingHashes: new Map(existing),
    communes: new Map([["00082", commune("00082")]]),
    villages: new Map(villages.map((v) => [v.code, v])),
    households: new Map([["v1", 300]]),
    receivedAt: RECEIVED_AT,
  };
}

const hashesOf = (entries: LedgerEntry[]) => entries.map((e) => e.report.idempotencyKey);
const plan = (entries: LedgerEntry[], state = stateWith()) => planLedgerWrite(entries, hashesOf(entries), state);

describe("what a batch of reports changes (planned without a database)", () => {
  it("adds increments to the village, its commune and the day in Vietnam, and counts a village's first report", () => {
    // 23:30 in Hà Nội on the 1st is 16:30 UTC: the report belongs to the 1st there.
    const result = plan([
      entry({ eidL2Activated: 5, householdsVisited: 3 }, { village: "v1", asOf: "2026-12-01T16:30:00Z" }),
      entry({ eidL2Activated: 2 }, { village: "v1", asOf: "2026-12-01T17:30:00Z" }),
    ]);
    expect(result.villages).toMatchObject([{ code: "v1", commune: "00082", eidL2Activated: 7, householdsVisited: 3 }]);
    const changed = result.communes.get("00082");
    expect(changed).toMatchObject({ eidL2Activated: 7, newlyReported: 1, lastReportAt: RECEIVED_AT });
    expect(changed?.delta).toMatchObject({ eidL2Activated: 7, householdsVisited: 3 });
    expect(result.daily.map((d) => [d.day, d.reports, d.delta.eidL2Activated])).toEqual([
      ["2026-12-01", 1, 5],
      ["2026-12-02", 1, 2],
    ]);
  });

  it("sets what a snapshot names, against what the reports before it in the batch left", () => {
    const result = plan([
      entry({ eidL2Activated: 10, peopleTrained: 4 }, { village: "v1" }),
      entry({ eidL2Activated: 25 }, { village: "v1", mode: "snapshot", asOf: "2026-12-02T02:30:00Z" }),
    ]);
    expect(result.decided.map((d) => d.delta.eidL2Activated)).toEqual([10, 15]);
    expect(result.villages[0]).toMatchObject({
      eidL2Activated: 25,
      peopleTrained: 4,
      snapshotAsOf: "2026-12-02T02:30:00.000Z",
    });
  });

  it("keeps a snapshot older than the one applied in the ledger without moving anything", () => {
    const known = village("v1", { eidL2Activated: 40 }, "2026-12-02T01:00:00.000Z");
    const result = plan(
      [entry({ eidL2Activated: 12 }, { village: "v1", mode: "snapshot", asOf: "2026-12-02T00:00:00Z" })],
      stateWith([known]),
    );
    expect(result.decided[0]).toMatchObject({ applied: false, delta: zeroCounters() });
    expect(result.villages[0]).toMatchObject({ eidL2Activated: 40, snapshotAsOf: "2026-12-02T01:00:00.000Z" });
    // The village had reported before: not newly reporting.
    expect(result.communes.get("00082")?.newlyReported).toBe(0);
  });

  it("counts a key once: a repeat in the batch or one already in the ledger decides nothing", () => {
    const first = entry({ eidL2Activated: 3 });
    const already = entry({ eidL2Activated: 9 });
    const batch = [first, first, already];
    const result = planLedgerWrite(
      batch,
      hashesOf(batch),
      stateWith([], [[already.report.idempotencyKey, already.report.idempotencyKey]]),
    );
    expect(result.decided.map((d) => d.index)).toEqual([0]);
    expect(result.communes.get("00082")?.delta.eidL2Activated).toBe(3);
  });

  it("refuses a key already in the ledger with other content", () => {
    const reused = entry({ eidL2Activated: 3 });
    expect(() =>
      planLedgerWrite([reused], ["other content"], stateWith([], [[reused.report.idempotencyKey, "first content"]])),
    ).toThrow(ReportConflictError);
  });

  it("flags a commune whose activated accounts pass its eligible residents (beyond 5 %, held until approved)", () => {
    expect(isOverEligible(plan([entry({ eidL2Activated: 1000 })]), "00082")).toBe(false);
    // Within 5 % above the estimate: counted, and flagged.
    expect(isOverEligible(plan([entry({ eidL2Activated: 1001 })]), "00082")).toBe(true);
    expect(isOverEligible(plan([entry({ eidL2Activated: 1051 })]), "00082")).toBe(false);
    const approved = { ...entry({ eidL2Activated: 1051 }), reviewed: true };
    expect(isOverEligible(plan([approved]), "00082")).toBe(true);
  });
});

/** The state a plan leaves, for the next batch. */
function after(state: LedgerState, result: LedgerPlan): LedgerState {
  const villages = new Map(state.villages);
  for (const v of result.villages) villages.set(v.code, v);
  const communes = new Map(state.communes);
  for (const c of result.communes.values()) communes.set(c.code, c);
  return { ...state, villages, communes };
}

const counterArb = fc.record(
  Object.fromEntries(COUNTER_KEYS.map((key) => [key, fc.integer({ min: 0, max: 500 })])) as Record<
    keyof Counters,
    fc.Arbitrary<number>
  >,
  { requiredKeys: [] },
);
const entryArb = fc
  .record({
    counters: counterArb,
    village: fc.constantFrom("v1", "v2", "v3"),
    mode: fc.constantFrom("increment" as const, "snapshot" as const),
    minute: fc.integer({ min: 0, max: 600 }),
  })
  .map(({ counters, village: v, mode, minute }) =>
    entry(counters, { village: v, mode, asOf: new Date(Date.UTC(2026, 11, 1) + minute * 60_000).toISOString() }),
  );

describe("probable typos, held for review", () => {
  it("holds an increment above the commune's residents still to activate: it moves nothing, and the rest of the batch counts", () => {
    const result = plan([
      entry({ eidL2Activated: 900_000 }, { village: "v1" }),
      entry({ eidL2Activated: 4, householdsVisited: 301 }, { village: "v2" }),
      entry({ eidL2Activated: 6 }, { village: "v2" }),
    ]);
    expect(result.decided.map((d) => d.held.map((h) => h.reason))).toEqual([["aboveRemainingEligible"], [], []]);
    expect(result.decided[0]).toMatchObject({ applied: false, delta: zeroCounters() });
    expect(result.villages.map((v) => v.code)).toEqual(["v2"]);
    expect(result.communes.get("00082")).toMatchObject({
      eidL2Activated: 10,
      householdsVisited: 301,
      newlyReported: 1,
    });
    expect(result.daily).toEqual([expect.objectContaining({ reports: 2 })]);
  });
  it("checks households against the village's own count, and a team's usual day on increments only", () => {
    const result = plan([
      entry({ householdsVisited: 301 }, { village: "v1" }),
      entry({ peopleTrained: 2_500 }, { village: "v2" }),
      entry({ peopleTrained: 2_500 }, { village: "v3", mode: "snapshot" }),
    ]);
    expect(result.decided.map((d) => d.held.map((h) => `${h.counter} ${h.reason} ${h.limit}`))).toEqual([
      ["householdsVisited aboveHouseholds 300"],
      ["peopleTrained aboveUsual 2000"],
      [],
    ]);
  });
  it("applies what a reviewer approved, whatever its figures", () => {
    const approved = { ...entry({ eidL2Activated: 1_500 }, { village: "v1" }), reviewed: true };
    const result = plan([approved]);
    expect(result.decided[0]).toMatchObject({ applied: true, held: [] });
    expect(result.communes.get("00082")?.eidL2Activated).toBe(1_500);
  });
});

describe("planning a batch at once", () => {
  it("ends where planning its reports one at a time ends (group commit changes nothing, holds included), commune = sum of villages", () => {
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 1, maxLength: 30 }), (entries) => {
        const together = plan(entries);
        let state = stateWith();
        for (const e of entries) state = after(state, plan([e], state));
        const sumOfVillages = zeroCounters();
        for (const v of together.villages) for (const key of COUNTER_KEYS) sumOfVillages[key] += v[key];
        for (const v of together.villages) expect(state.villages.get(v.code)).toMatchObject(v);
        // A batch whose every report was held leaves the commune as it was.
        const communeTogether = together.communes.get("00082") ?? { ...commune("00082"), delta: zeroCounters() };
        for (const key of COUNTER_KEYS) {
          expect(state.communes.get("00082")?.[key]).toBe(communeTogether?.[key]);
          expect(communeTogether?.[key]).toBe(sumOfVillages[key]);
          expect(communeTogether?.delta[key]).toBe(sumOfVillages[key]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
