import { hcmDay, implausibleFigures, remainingEligible, type Implausible } from "@pulse/indicators";
import { COUNTER_KEYS, zeroCounters, type CounterKey, type Counters } from "@pulse/schema";
import { ReportConflictError, type CommuneState, type LedgerEntry, type UnitState } from "./entries";

/** What the writer found in the database for a batch: keys already received, and unit counters. */
export interface LedgerState {
  /** idempotency key → content hash of the report already in the ledger under it */
  existingHashes: ReadonlyMap<string, string>;
  communes: ReadonlyMap<string, CommuneState>;
  villages: ReadonlyMap<string, UnitState>;
  /** the households of each village the batch names, where known */
  households: ReadonlyMap<string, number | null>;
  /** when the transaction started: every row it writes is received then */
  receivedAt: string;
}

/** An entry the batch writes, with the change it makes. */
export interface DecidedEntry {
  entry: LedgerEntry;
  /** its index in the batch */
  index: number;
  delta: Counters;
  /** false for a snapshot older than one already applied, or a report held: in the ledger, moving nothing */
  applied: boolean;
  /** the figures that hold it for review (then it moves nothing); empty when it counts */
  held: Implausible<CounterKey>[];
}

export interface VillageWrite extends UnitState {
  commune: string;
}

export interface CommuneWrite extends CommuneState {
  delta: Counters;
  /** villages reporting for the first time */
  newlyReported: number;
}

export interface DailyWrite {
  commune: string;
  day: string;
  delta: Counters;
  reports: number;
}

/** Everything one transaction writes: decided before any write, from the state it found. */
export interface LedgerPlan {
  decided: DecidedEntry[];
  /** the villages' counters after the batch */
  villages: VillageWrite[];
  /** by code */
  communes: ReadonlyMap<string, CommuneWrite>;
  daily: DailyWrite[];
}

/** The change a report makes: increments add; a snapshot sets what it names, unless a newer one was applied. */
function deltaOf(entry: LedgerEntry, current: UnitState): { delta: Counters; applied: boolean } {
  if (entry.fixedDelta) return { delta: entry.fixedDelta, applied: true };
  const { counters, asOf } = entry.report;
  const delta = zeroCounters();
  if (entry.mode !== "snapshot") {
    for (const key of COUNTER_KEYS) delta[key] = counters[key] ?? 0;
    return { delta, applied: true };
  }
  if (current.snapshotAsOf && new Date(current.snapshotAsOf) > asOf) return { delta, applied: false };
  for (const key of COUNTER_KEYS) {
    const value = counters[key];
    if (value !== undefined) delta[key] = value - current[key];
  }
  return { delta, applied: true };
}

function addInto(target: Counters, delta: Counters): void {
  for (const key of COUNTER_KEYS) target[key] += delta[key];
}

const maxIso = (a: string | null, b: string | null) => (!a ? b : !b ? a : new Date(a) >= new Date(b) ? a : b);

/** The entries that count: not already in the ledger, and the first of a key repeated in the batch. */
function freshEntries(entries: readonly LedgerEntry[], hashes: readonly string[], state: LedgerState) {
  const firstOf = new Set<string>();
  return entries.flatMap((entry, index) => {
    const key = entry.report.idempotencyKey;
    const prior = state.existingHashes.get(key);
    if (prior !== undefined && prior !== hashes[index]) throw new ReportConflictError(key);
    if (prior !== undefined || firstOf.has(key)) return [];
    firstOf.add(key);
    return [{ entry, index }];
  });
}

const emptyVillage = (code: string): UnitState => ({ code, snapshotAsOf: null, lastReportAt: null, ...zeroCounters() });

/**
 * What a batch changes, in submission order, each entry against the state the ones before it
 * left: the deltas, the villages' and communes' new counters, and the daily series. Pure: the
 * writer reads the state, calls this, then writes the plan in a few set-wise statements.
 */
export function planLedgerWrite(
  entries: readonly LedgerEntry[],
  hashes: readonly string[],
  state: LedgerState,
): LedgerPlan {
  const villages = new Map<string, VillageWrite & { firstReport: boolean }>();
  const communes = new Map<string, CommuneWrite>();
  const daily = new Map<string, DailyWrite>();
  const communeOf = (code: string): CommuneWrite => {
    const found = state.communes.get(code);
    if (!found) throw new Error(`commune ${code} has no counters row`);
    return communes.get(code) ?? { ...found, delta: zeroCounters(), newlyReported: 0 };
  };
  const villageOf = (code: string, commune: string) =>
    villages.get(code) ?? { ...(state.villages.get(code) ?? emptyVillage(code)), commune, firstReport: false };
  const decided = freshEntries(entries, hashes, state).map(({ entry, index }): DecidedEntry => {
    const { report } = entry;
    const commune = communeOf(report.communeCode);
    const village = report.villageCode ? villageOf(report.villageCode, commune.code) : undefined;
    const { delta, applied } = deltaOf(entry, village ?? commune);
    const held = heldFigures(entry, delta, commune, village ? (state.households.get(village.code) ?? null) : null);
    if (held.length > 0) return { entry, index, delta: zeroCounters(), applied: false, held };
    communes.set(commune.code, commune);
    if (village) {
      if (!village.lastReportAt && !village.firstReport) {
        village.firstReport = true;
        commune.newlyReported += 1;
      }
      villages.set(village.code, village);
      addInto(village, delta);
    }
    const target = village ?? commune;
    addInto(commune, delta);
    addInto(commune.delta, delta);
    if (entry.mode === "snapshot" && applied)
      target.snapshotAsOf = maxIso(target.snapshotAsOf, report.asOf.toISOString());
    target.lastReportAt = state.receivedAt;
    commune.lastReportAt = state.receivedAt;
    addToDaily(daily, commune.code, hcmDay(report.asOf), delta);
    return { entry, index, delta, applied, held };
  });
  return {
    decided,
    villages: [...villages.values()].map(({ firstReport: _first, ...village }) => village),
    communes,
    daily: [...daily.values()],
  };
}

/** A probable typo is held for review, unless a reviewer approved it; corrections are never held. */
function heldFigures(entry: LedgerEntry, delta: Counters, commune: CommuneWrite, households: number | null) {
  if (entry.reviewed || entry.mode === "correction") return [];
  const limits = {
    remainingEligible: remainingEligible(commune.eligible, commune.eidL2Activated),
    villageHouseholds: households,
  };
  return implausibleFigures<CounterKey>(delta, limits, { increment: entry.mode === "increment" });
}

function addToDaily(daily: Map<string, DailyWrite>, commune: string, day: string, delta: Counters): void {
  const dayKey = `${commune} ${day}`;
  const series = daily.get(dayKey) ?? { commune, day, delta: zeroCounters(), reports: 0 };
  addInto(series.delta, delta);
  series.reports += 1;
  daily.set(dayKey, series);
}

/** A commune whose activated accounts exceed its eligible residents after the batch. */
export function isOverEligible(plan: LedgerPlan, communeCode: string): boolean {
  const commune = plan.communes.get(communeCode);
  return !!commune && commune.eligible > 0 && commune.eidL2Activated > commune.eligible;
}
