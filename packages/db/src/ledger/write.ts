import type { Database } from "../client";
import {
  ReportConflictError,
  ReportValidationError,
  reportContentHash,
  type CommittedReport,
  type CommuneState,
  type LedgerEntry,
} from "./entries";
import { isOverEligible, planLedgerWrite, type LedgerPlan } from "./plan";
import { receiptsOfExisting, type ExistingReport } from "./receipts";
import { checkReportReferences } from "./references";
import {
  insertLedgerRows,
  lockUnitStates,
  writeCommuneCounters,
  writeDailySeries,
  writeVillageCounters,
  type LedgerRow,
} from "./statements";

export interface WriteOptions {
  /**
   * The caller already checked every commune and village against the geography (the CSV
   * import does, in its validation pass); the database's foreign keys still guard them.
   */
  referencesChecked?: boolean;
}

/** Another transaction committed one of the batch's keys between our look-up and our insert. */
class KeyRaceError extends Error {}

/**
 * Entries in one transaction, all or nothing: the ledger rows, the village and commune counters
 * and the daily series. A key already received returns its first receipt and counts nothing; a
 * key reused with other content, or an unknown commune or village, rolls the whole batch back.
 * Whatever the batch size, it takes the same few statements (the writes pipelined), so a batch
 * of thousands costs little more than one report.
 */
export async function writeLedgerEntries(
  db: Database,
  entries: readonly LedgerEntry[],
  { referencesChecked = false }: WriteOptions = {},
): Promise<CommittedReport[]> {
  if (entries.length === 0) return [];
  if (!referencesChecked) {
    const referenceErrors = await checkReportReferences(
      db,
      entries.map((e) => e.report),
    );
    if (referenceErrors.length > 0) throw new ReportValidationError(referenceErrors);
  }
  const hashes = entries.map((e) => reportContentHash(e.report));
  const firstHash = new Map<string, string>();
  entries.forEach((e, i) => {
    const seen = firstHash.get(e.report.idempotencyKey);
    if (seen === undefined) firstHash.set(e.report.idempotencyKey, hashes[i] ?? "");
    else if (seen !== hashes[i]) throw new ReportConflictError(e.report.idempotencyKey);
  });
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeOnce(db, entries, hashes);
    } catch (error) {
      // Ours rolled back whole; the next attempt sees that key as a repeat.
      if (!(error instanceof KeyRaceError) || attempt >= 3) throw error;
    }
  }
}

const sortedUnique = (codes: Iterable<string>) => [...new Set(codes)].sort();

/** Ledger rows of the plan, with the deltas decided, keys in sorted order (no deadlocks). */
function ledgerRowsOf(plan: LedgerPlan, hashes: readonly string[]): LedgerRow[] {
  return plan.decided
    .map(({ entry, index, delta, applied, held }) => ({
      key: entry.report.idempotencyKey,
      hash: hashes[index],
      mode: entry.mode,
      commune: entry.report.communeCode,
      village: entry.report.villageCode ?? null,
      as_of: entry.report.asOf.toISOString(),
      reporter: entry.report.reporter,
      source: entry.report.source,
      payload: entry.report.counters,
      corrects: entry.correctsId ?? null,
      applied,
      over: isOverEligible(plan, entry.report.communeCode),
      review: held.length > 0 ? "held" : null,
      reasons: held.length > 0 ? held : null,
      ...delta,
    }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

async function writeOnce(
  db: Database,
  entries: readonly LedgerEntry[],
  hashes: readonly string[],
): Promise<CommittedReport[]> {
  return db.transaction(async (tx) => {
    const existing = await receiptsOfExisting(tx, [...new Set(entries.map((e) => e.report.idempotencyKey))]);
    const pending = entries.filter((e) => !existing.has(e.report.idempotencyKey)).map((e) => e.report);
    const units = await lockUnitStates(
      tx,
      sortedUnique(pending.map((r) => r.communeCode)),
      sortedUnique(pending.flatMap((r) => (r.villageCode ? [r.villageCode] : []))),
    );
    // Every row of a transaction is received at its start: now() is the same for all of them.
    const receivedAt = units.txNow ?? new Date().toISOString();
    const existingHashes = new Map([...existing].map(([key, prior]) => [key, prior.contentHash]));
    const plan = planLedgerWrite(entries, hashes, { ...units, existingHashes, receivedAt });
    const ledger = ledgerRowsOf(plan, hashes);
    // The four writes are sent back to back; a race on a key rolls the whole batch back.
    const [inserted, , versionRows] = await Promise.all([
      insertLedgerRows(tx, ledger),
      writeVillageCounters(tx, plan.villages),
      writeCommuneCounters(tx, plan.communes),
      writeDailySeries(tx, plan.daily),
    ]);
    if (inserted.length !== ledger.length) throw new KeyRaceError();
    return receiptsOf(entries, plan, existing, {
      ids: new Map(inserted.map((row) => [row.key, row.id])),
      versions: new Map(versionRows.map((row) => [row.code, row.version])),
      units: units.communes,
      receivedAt: new Date(receivedAt),
    });
  });
}

/** One receipt per entry, in order: a key already in the ledger, or repeated in the batch, gets the first one, as a duplicate. */
function receiptsOf(
  entries: readonly LedgerEntry[],
  plan: LedgerPlan,
  existing: ReadonlyMap<string, ExistingReport>,
  written: {
    ids: Map<string, number>;
    versions: Map<string, number>;
    receivedAt: Date;
    units: ReadonlyMap<string, CommuneState>;
  },
): CommittedReport[] {
  const firstByKey = new Map<string, CommittedReport>();
  const counted = new Set<number>();
  for (const { entry, index, applied, held } of plan.decided) {
    const { idempotencyKey: key, communeCode } = entry.report;
    const unit = written.units.get(communeCode);
    counted.add(index);
    firstByKey.set(key, {
      reportId: written.ids.get(key) ?? 0,
      idempotencyKey: key,
      receivedAt: written.receivedAt,
      applied,
      duplicate: false,
      overEligible: isOverEligible(plan, communeCode),
      review: held.length > 0 ? "held" : null,
      communeCode,
      provinceCode: unit?.provinceCode ?? "",
      version: written.versions.get(communeCode) ?? unit?.version ?? 0,
    });
  }
  return entries.map((entry, i) => {
    const key = entry.report.idempotencyKey;
    const prior = existing.get(key)?.receipt;
    if (prior) return { ...prior, duplicate: true };
    const first = firstByKey.get(key);
    if (!first) throw new Error(`no receipt for ${key}`);
    return counted.has(i) ? first : { ...first, duplicate: true };
  });
}
