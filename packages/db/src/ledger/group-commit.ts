import type { CountsReport } from "@pulse/schema";
import type { Database } from "../client";
import type { CommittedReport } from "./entries";
import { writeLedgerEntries, type WriteOptions } from "./write";

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
