import { createHash } from "node:crypto";
import { hcmDay } from "@pulse/indicators";
import {
  COUNTER_KEYS,
  fieldError,
  zeroCounters,
  type Counters,
  type CountsReport,
  type FieldError,
  type ReportReceipt,
} from "@pulse/schema";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../client";
import { eachCounter } from "./counter-columns";

/** The same idempotency key came back with other content: nothing is written. */
export class ReportConflictError extends Error {
  constructor(readonly idempotencyKey: string) {
    super(`idempotency key ${idempotencyKey} was already used for a different report`);
    this.name = "ReportConflictError";
  }
}

/** A report refers to something that does not exist (or not where it says): nothing is written. */
export class ReportValidationError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.en}`).join("; "));
    this.name = "ReportValidationError";
  }
}

export interface CommittedReport extends ReportReceipt {
  communeCode: string;
  provinceCode: string;
  /** the commune's counters version after this report */
  version: number;
}

/** Canonical content of a report, so a repeated key can be told apart from a reused one. */
export function reportContentHash(report: CountsReport): string {
  const counters = Object.fromEntries(
    COUNTER_KEYS.flatMap((key) => (report.counters[key] === undefined ? [] : [[key, report.counters[key]]])),
  );
  const canonical = JSON.stringify([
    report.communeCode,
    report.villageCode ?? null,
    report.asOf.toISOString(),
    report.reporter,
    report.source,
    report.mode,
    counters,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

/** JSON → rows inside SQL: one parameter, the same on postgres-js and PGlite, any batch size. */
const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

interface UnitState extends Counters {
  code: string;
  snapshotAsOf: string | null;
  lastReportAt: string | null;
}

interface CommuneState extends UnitState {
  provinceCode: string;
  eligible: number;
  version: number;
}

const stateColumns = sql`${eachCounter((column, _d, key) => sql`${column} as ${sql.identifier(key)}`)},
  to_json(snapshot_as_of)#>>'{}' as "snapshotAsOf", to_json(last_report_at)#>>'{}' as "lastReportAt"`;

/** Unknown communes and villages, and villages of another commune, as field errors. */
export async function checkReportReferences(
  db: Database,
  reports: readonly Pick<CountsReport, "communeCode" | "villageCode">[],
  fieldPrefix = (index: number) => (reports.length === 1 ? "" : `${index}.`),
): Promise<FieldError[]> {
  const rows = await queryRows<{ i: number; commune_ok: boolean; village_commune: string | null }>(
    db,
    sql`select x.i, c.code is not null as commune_ok, v.commune_code as village_commune
      from jsonb_to_recordset(${json(reports.map((r, i) => ({ i, c: r.communeCode, v: r.villageCode ?? null })))})
        as x(i int, c text, v text)
      left join communes c on c.code = x.c
      left join villages v on v.code = x.v`,
  );
  const errors: FieldError[] = [];
  for (const row of rows) {
    const report = reports[row.i];
    if (!report) continue;
    const prefix = fieldPrefix(row.i);
    if (!row.commune_ok) errors.push(fieldError(`${prefix}communeCode`, "unknownCommune"));
    if (report.villageCode && row.village_commune === null)
      errors.push(fieldError(`${prefix}villageCode`, "unknownVillage"));
    else if (report.villageCode && row.commune_ok && row.village_commune !== report.communeCode) {
      errors.push(fieldError(`${prefix}villageCode`, "villageOfOtherCommune"));
    }
  }
  return errors.sort((a, b) => a.field.localeCompare(b.field, "en", { numeric: true }));
}

/** The change a report makes: increments add; a snapshot sets what it names, unless a newer one was applied. */
function deltaOf(
  mode: string,
  values: Partial<Counters>,
  asOf: Date,
  current: UnitState | undefined,
): { delta: Counters; applied: boolean } {
  const delta = zeroCounters();
  if (mode !== "snapshot") {
    for (const key of COUNTER_KEYS) delta[key] = values[key] ?? 0;
    return { delta, applied: true };
  }
  if (current?.snapshotAsOf && new Date(current.snapshotAsOf) > asOf) return { delta, applied: false };
  for (const key of COUNTER_KEYS) {
    const value = values[key];
    if (value !== undefined) delta[key] = value - (current?.[key] ?? 0);
  }
  return { delta, applied: true };
}

function addInto(target: Counters, delta: Counters): void {
  for (const key of COUNTER_KEYS) target[key] += delta[key];
}

const maxIso = (a: string | null, b: string | null) => (!a ? b : !b ? a : new Date(a) >= new Date(b) ? a : b);

export interface WriteOptions {
  /**
   * The caller already checked every commune and village against the geography (the CSV
   * import does, in its validation pass); the database's foreign keys still guard them.
   */
  referencesChecked?: boolean;
}

/** A ledger row to write: a report, or a correction of one (then `mode` is "correction"). */
export interface LedgerEntry {
  report: CountsReport;
  mode: "increment" | "snapshot" | "correction";
  /** for corrections: the report corrected, and the delta decided from it */
  correctsId?: number;
  fixedDelta?: Counters;
}

/**
 * Reports in one transaction, all or nothing: the ledger rows, the village and commune counters
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
      // Another transaction committed one of these keys between our look-up and our insert:
      // ours rolled back whole, and the next attempt sees that key as a repeat.
      if (!(error instanceof KeyRaceError) || attempt >= 3) throw error;
    }
  }
}

class KeyRaceError extends Error {}

async function writeOnce(
  db: Database,
  entries: readonly LedgerEntry[],
  hashes: readonly string[],
): Promise<CommittedReport[]> {
  return db.transaction(async (tx) => {
    const existing = await receiptsOfExisting(tx, [...new Set(entries.map((e) => e.report.idempotencyKey))]);
    entries.forEach((entry, i) => {
      const prior = existing.get(entry.report.idempotencyKey);
      if (prior && prior.contentHash !== hashes[i]) throw new ReportConflictError(entry.report.idempotencyKey);
    });
    // The same key twice inside one batch: the first counts, the second is its duplicate.
    const firstOf = new Set<string>();
    const fresh = entries.flatMap((entry, i) => {
      const key = entry.report.idempotencyKey;
      if (existing.has(key) || firstOf.has(key)) return [];
      firstOf.add(key);
      return [{ entry, i }];
    });

    const communeCodes = [...new Set(fresh.map((f) => f.entry.report.communeCode))].sort();
    const villageCodes = [
      ...new Set(fresh.flatMap((f) => (f.entry.report.villageCode ? [f.entry.report.villageCode] : []))),
    ].sort();
    // Sent together (postgres-js pipelines them on the transaction's connection); run in order.
    const [communeRows, villageRows] = await Promise.all([
      queryRows<CommuneState & { txNow: string }>(
        tx,
        sql`select commune_code as code, province_code as "provinceCode", eligible, version::float8 as version, ${stateColumns},
            to_json(now())#>>'{}' as "txNow"
          from commune_counters where commune_code in (select jsonb_array_elements_text(${json(communeCodes)}))
          order by commune_code for update`,
      ),
      villageCodes.length === 0
        ? Promise.resolve([])
        : queryRows<UnitState>(
            tx,
            sql`select village_code as code, ${stateColumns}
              from village_counters where village_code in (select jsonb_array_elements_text(${json(villageCodes)}))
              order by village_code for update`,
          ),
    ]);
    const communes = new Map(communeRows.map((c) => [c.code, c]));
    const villages = new Map(villageRows.map((v) => [v.code, v]));

    // Decide each report's delta in submission order, against the state it finds.
    const villageTouched = new Map<string, UnitState & { commune: string; firstReport: boolean }>();
    const communeTouched = new Map<string, CommuneState & { delta: Counters; newlyReported: number }>();
    const daily = new Map<string, { commune: string; day: string; delta: Counters; reports: number }>();
    // Every row of a transaction is received at its start: now() is the same for all of them.
    const receivedAt = [...communes.values()][0]?.txNow ?? new Date().toISOString();
    const decidedAt = new Set(fresh.map((f) => f.i));
    const decided = fresh.map(({ entry, i }) => {
      const { report } = entry;
      const commune = communes.get(report.communeCode);
      if (!commune) throw new Error(`commune ${report.communeCode} has no counters row`);
      const communeState = communeTouched.get(commune.code) ?? { ...commune, delta: zeroCounters(), newlyReported: 0 };
      communeTouched.set(commune.code, communeState);
      let villageState: (UnitState & { commune: string; firstReport: boolean }) | undefined;
      if (report.villageCode) {
        const known = villages.get(report.villageCode);
        villageState =
          villageTouched.get(report.villageCode) ??
          (known
            ? { ...known, commune: commune.code, firstReport: false }
            : {
                code: report.villageCode,
                commune: commune.code,
                firstReport: false,
                snapshotAsOf: null,
                lastReportAt: null,
                ...zeroCounters(),
              });
        if (!villageState.lastReportAt && !villageState.firstReport) {
          villageState.firstReport = true;
          communeState.newlyReported += 1;
        }
        villageTouched.set(report.villageCode, villageState);
      }
      const target = villageState ?? communeState;
      const { delta, applied } = entry.fixedDelta
        ? { delta: entry.fixedDelta, applied: true }
        : deltaOf(entry.mode, report.counters, report.asOf, target);
      addInto(target, delta);
      if (villageState) addInto(communeState, delta);
      addInto(communeState.delta, delta);
      if (entry.mode === "snapshot" && applied)
        target.snapshotAsOf = maxIso(target.snapshotAsOf, report.asOf.toISOString());
      target.lastReportAt = receivedAt;
      communeState.lastReportAt = receivedAt;
      const day = hcmDay(report.asOf);
      const dayKey = `${commune.code} ${day}`;
      const dayState = daily.get(dayKey) ?? { commune: commune.code, day, delta: zeroCounters(), reports: 0 };
      addInto(dayState.delta, delta);
      dayState.reports += 1;
      daily.set(dayKey, dayState);
      return { entry, i, delta, applied };
    });

    const deltaFields = (delta: Counters) => Object.fromEntries(COUNTER_KEYS.map((key) => [key, delta[key]]));
    const recordsetColumns = sql.raw(COUNTER_KEYS.map((key) => `"${key}" int`).join(", "));
    const overEligible = (code: string) => {
      const c = communeTouched.get(code);
      return !!c && c.eligible > 0 && c.eidL2Activated > c.eligible;
    };
    // Ledger rows go in with the deltas decided above, keys in sorted order (no deadlocks).
    const ledger = decided
      .map((d) => ({
        key: d.entry.report.idempotencyKey,
        hash: hashes[d.i],
        mode: d.entry.mode,
        commune: d.entry.report.communeCode,
        village: d.entry.report.villageCode ?? null,
        as_of: d.entry.report.asOf.toISOString(),
        reporter: d.entry.report.reporter,
        source: d.entry.report.source,
        payload: d.entry.report.counters,
        corrects: d.entry.correctsId ?? null,
        applied: d.applied,
        over: overEligible(d.entry.report.communeCode),
        ...deltaFields(d.delta),
      }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const inserting =
      ledger.length === 0
        ? Promise.resolve([])
        : queryRows<{ id: number; key: string }>(
            tx,
            sql`insert into reports (idempotency_key, content_hash, kind, mode, commune_code, village_code, as_of, reporter, source,
            payload, corrects_id, applied, over_eligible, ${eachCounter((_c, d) => d)})
          select x.key::uuid, x.hash, 'counts', x.mode, x.commune, x.village, x.as_of::timestamptz, x.reporter, x.source,
            x.payload, x.corrects, x.applied, x.over, ${eachCounter((_c, _d, key) => sql`x.${sql.identifier(key)}`)}
          from jsonb_to_recordset(${json(ledger)}) as x(key text, hash text, mode text, commune text, village text,
            as_of text, reporter text, source text, payload jsonb, corrects bigint, applied boolean, over boolean, ${recordsetColumns})
          order by x.key
          on conflict (idempotency_key) do nothing
          returning id::float8 as id, idempotency_key::text as key`,
          );
    const villagesWritten =
      villageTouched.size === 0
        ? Promise.resolve()
        : tx.execute(sql`insert into village_counters (village_code, commune_code, ${eachCounter((column) => column)}, snapshot_as_of, last_report_at)
        select x.code, x.commune, ${eachCounter((_c, _d, key) => sql`x.${sql.identifier(key)}`)}, x.snapshot::timestamptz, x.last::timestamptz
        from jsonb_to_recordset(${json(
          [...villageTouched.values()].map((v) => ({
            code: v.code,
            commune: v.commune,
            snapshot: v.snapshotAsOf,
            last: v.lastReportAt,
            ...deltaFields(v),
          })),
        )}) as x(code text, commune text, snapshot text, last text, ${recordsetColumns})
        order by x.code
        on conflict (village_code) do update set
          ${eachCounter((column) => sql`${column} = excluded.${column}`)},
          snapshot_as_of = excluded.snapshot_as_of, last_report_at = excluded.last_report_at`);
    const communesWritten = queryRows<{ code: string; version: number }>(
      tx,
      sql`update commune_counters c set
              ${eachCounter((column, _d, key) => sql`${column} = c.${column} + x.${sql.identifier(key)}`)},
              snapshot_as_of = x.snapshot::timestamptz, last_report_at = x.last::timestamptz,
              villages_reported = c.villages_reported + x.newly, version = c.version + 1
            from jsonb_to_recordset(${json(
              [...communeTouched.values()].map((c) => ({
                code: c.code,
                snapshot: c.snapshotAsOf,
                last: c.lastReportAt,
                newly: c.newlyReported,
                ...deltaFields(c.delta),
              })),
            )}) as x(code text, snapshot text, last text, newly int, ${recordsetColumns})
            where c.commune_code = x.code
            returning c.commune_code as code, c.version::float8 as version`,
    );
    const dailyWritten =
      daily.size === 0
        ? Promise.resolve()
        : tx.execute(sql`insert into commune_daily (commune_code, day, ${eachCounter((_c, d) => d)}, reports)
        select x.commune, x.day::date, ${eachCounter((_c, _d, key) => sql`x.${sql.identifier(key)}`)}, x.reports
        from jsonb_to_recordset(${json(
          [...daily.values()].map((d) => ({
            commune: d.commune,
            day: d.day,
            reports: d.reports,
            ...deltaFields(d.delta),
          })),
        )}) as x(commune text, day text, reports int, ${recordsetColumns})
        order by x.commune, x.day
        on conflict (commune_code, day) do update set
          ${eachCounter((_c, d) => sql`${d} = commune_daily.${d} + excluded.${d}`)},
          reports = commune_daily.reports + excluded.reports`);
    // The four writes were sent back to back; a race on a key rolls the whole batch back.
    const [inserted, , versionRows] = await Promise.all([inserting, villagesWritten, communesWritten, dailyWritten]);
    if (inserted.length !== ledger.length) throw new KeyRaceError();
    const ids = new Map(inserted.map((row) => [row.key, row.id]));
    const versions = new Map(versionRows.map((row) => [row.code, row.version]));

    const receiptByKey = new Map<string, CommittedReport>();
    for (const d of decided) {
      const key = d.entry.report.idempotencyKey;
      receiptByKey.set(key, {
        reportId: ids.get(key) ?? 0,
        idempotencyKey: key,
        receivedAt: new Date(receivedAt),
        applied: d.applied,
        duplicate: false,
        overEligible: overEligible(d.entry.report.communeCode),
        communeCode: d.entry.report.communeCode,
        provinceCode: communes.get(d.entry.report.communeCode)?.provinceCode ?? "",
        version: versions.get(d.entry.report.communeCode) ?? 0,
      });
    }
    // A key already in the ledger, or repeated inside the batch, gets the first receipt, as a duplicate.
    return entries.map((entry, i) => {
      const key = entry.report.idempotencyKey;
      const prior = existing.get(key)?.receipt;
      const first = receiptByKey.get(key);
      if (prior) return { ...prior, duplicate: true };
      if (!first) throw new Error(`no receipt for ${key}`);
      return decidedAt.has(i) ? first : { ...first, duplicate: true };
    });
  });
}

export async function receiptsOfExisting(
  db: Database,
  keys: string[],
): Promise<Map<string, { contentHash: string; receipt: CommittedReport }>> {
  const rows = await queryRows<{
    id: number;
    key: string;
    content_hash: string;
    received_at: string;
    applied: boolean;
    over_eligible: boolean;
    commune_code: string;
    province_code: string;
    version: number;
  }>(
    db,
    sql`select r.id::float8 as id, r.idempotency_key::text as key, r.content_hash, to_json(r.received_at)#>>'{}' as received_at,
        r.applied, r.over_eligible, r.commune_code, c.province_code, c.version::float8 as version
      from reports r join commune_counters c using (commune_code)
      where r.idempotency_key in (select (jsonb_array_elements_text(${json(keys)}))::uuid)`,
  );
  return new Map(
    rows.map((row) => [
      row.key,
      {
        contentHash: row.content_hash,
        receipt: {
          reportId: row.id,
          idempotencyKey: row.key,
          receivedAt: new Date(row.received_at),
          applied: row.applied,
          duplicate: true,
          overEligible: row.over_eligible,
          communeCode: row.commune_code,
          provinceCode: row.province_code,
          version: row.version,
        },
      },
    ]),
  );
}

/** A batch of counts reports, all or nothing. */
export function submitReports(
  db: Database,
  reports: readonly CountsReport[],
  options: WriteOptions = {},
): Promise<CommittedReport[]> {
  return writeLedgerEntries(
    db,
    reports.map((report) => ({ report, mode: report.mode })),
    options,
  );
}

/** At most this many single reports share one transaction. */
const MAX_GROUP = 500;

interface Pending {
  report: CountsReport;
  resolve(receipt: CommittedReport): void;
  reject(error: unknown): void;
}

/**
 * Group commit for single reports: while one transaction is writing, reports that arrive
 * queue up and go together in the next one. The ledger writer costs the same eight
 * statements for one report or five hundred, so under load this multiplies throughput; when
 * idle, a report is written almost at once. If a group fails (a reused key, an unknown village…),
 * its reports are retried one by one so each gets its own answer and nobody else's error.
 */
class GroupWriter {
  private queue: Pending[] = [];
  private writing = false;

  constructor(private readonly db: Database) {}

  submit(report: CountsReport): Promise<CommittedReport> {
    return new Promise((resolve, reject) => {
      this.queue.push({ report, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    // Let requests already received reach the queue first: PGlite runs a whole transaction
    // without yielding to I/O, so without this pause every group would hold one report.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      const group = this.queue.splice(0, MAX_GROUP);
      try {
        const receipts = await submitReports(
          this.db,
          group.map((p) => p.report),
        );
        group.forEach((p, i) => {
          const receipt = receipts[i];
          if (receipt) p.resolve(receipt);
          else p.reject(new Error("no receipt"));
        });
      } catch (error) {
        if (group.length === 1) group[0]?.reject(error);
        // In arrival order, so of two reports reusing one key the first is the one that counts.
        else for (const p of group) await submitReports(this.db, [p.report]).then(([r]) => r && p.resolve(r), p.reject);
      }
    }
    this.writing = false;
  }
}

const writers = new WeakMap<Database, GroupWriter>();

/** One counts report, acknowledged after the transaction that holds it commits. */
export function submitCountsReport(db: Database, report: CountsReport): Promise<CommittedReport> {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = new GroupWriter(db)));
  return writer.submit(report);
}
