import {
  correctReport,
  decideHeldReport,
  submitBaselineChange,
  submitCountsReport,
  submitReports,
  submitTeamChange,
  type CommittedReport,
} from "@pulse/db/ledger";
import { communeOfReport, writeAudit } from "@pulse/db/queries";
import type { BaselineChange, CorrectionReport, CountsReport, TeamChange } from "@pulse/schema";
import { assertAllowed } from "../access/gate";
import { actorOf } from "../access/principal";
import { communeScope, refusal } from "../access/rules";
import type { Context } from "../context";
import { asIngestErrors } from "../errors";

/*
 * The one way in for reports. The tRPC procedures (and POST /api/v1/reports, which calls them),
 * the file import and the field outbox all come here: authorize (role and scope) and throttle,
 * write through the ledger, tell the live hub of what is new (here and nowhere else), audit.
 */

/** What the ingest service needs of a request: who, from where, and the shared parts. */
export type IngestContext = Pick<Context, "db" | "live" | "principal" | "provinceOf" | "limits" | "clientIp">;

const communesOf = (reports: readonly { communeCode: string }[]) =>
  [...new Set(reports.map((r) => r.communeCode))].map(communeScope);

/** After commit: the live hub hears of each report that moved something, never of a repeated key or a held one. */
function published<T extends CommittedReport | CommittedReport[]>(ctx: IngestContext, receipts: T): T {
  for (const receipt of Array.isArray(receipts) ? receipts : [receipts])
    if (!receipt.duplicate && receipt.review !== "held") ctx.live.reportCommitted(receipt);
  return receipts;
}

/** One counts report; reports arriving together share a transaction (group commit). */
export async function submitReport(ctx: IngestContext, report: CountsReport): Promise<CommittedReport> {
  await assertAllowed(ctx, "write", communesOf([report]));
  return published(ctx, await asIngestErrors(() => submitCountsReport(ctx.db, report)));
}

/** Up to 1,000 reports, all or nothing. */
export async function submitReportBatch(ctx: IngestContext, reports: CountsReport[]): Promise<CommittedReport[]> {
  await assertAllowed(ctx, "write", communesOf(reports));
  return published(ctx, await asIngestErrors(() => submitReports(ctx.db, reports)));
}

/** Checked against the commune of the report it corrects; audited. */
export async function submitCorrection(ctx: IngestContext, correction: CorrectionReport): Promise<CommittedReport> {
  const commune = await communeOfReport(ctx.db, correction.correctsReportId);
  await assertAllowed(ctx, "write", commune ? [communeScope(commune)] : []);
  const receipt = published(ctx, await asIngestErrors(() => correctReport(ctx.db, correction)));
  if (!receipt.duplicate) {
    await writeAudit(ctx.db, {
      actor: actorOf(ctx.principal),
      action: "report.correct",
      target: `report:${correction.correctsReportId}`,
      ip: ctx.clientIp,
      details: { reportId: receipt.reportId, communeCode: receipt.communeCode, counters: correction.counters },
    });
  }
  return receipt;
}

/**
 * A report held as a probable typo, approved (applied once, pushed to the screens) or rejected,
 * by a commune or province user whose scope covers it; audited.
 */
export async function decideReview(
  ctx: IngestContext,
  { reportId, decision }: { reportId: number; decision: "approve" | "reject" },
): Promise<CommittedReport> {
  const commune = await communeOfReport(ctx.db, reportId);
  await assertAllowed(ctx, "review", commune ? [communeScope(commune)] : []);
  const actor = actorOf(ctx.principal);
  const receipt = await asIngestErrors(() => decideHeldReport(ctx.db, { reportId, decision, reviewer: actor }));
  if (receipt.review === "approved") published(ctx, receipt);
  await writeAudit(ctx.db, {
    actor,
    action: decision === "approve" ? "report.approve" : "report.reject",
    target: `report:${reportId}`,
    ip: ctx.clientIp,
    details: { communeCode: receipt.communeCode },
  });
  return receipt;
}

/** A team formed or disbanded, or support staff set: through the ledger like counts. */
export async function submitTeam(ctx: IngestContext, change: TeamChange): Promise<CommittedReport> {
  await assertAllowed(ctx, "write", communesOf([change]));
  return published(ctx, await asIngestErrors(() => submitTeamChange(ctx.db, change)));
}

/** A commune's eligible population as of a date. */
export async function submitBaseline(ctx: IngestContext, change: BaselineChange): Promise<CommittedReport> {
  await assertAllowed(ctx, "write", communesOf([change]));
  return published(ctx, await asIngestErrors(() => submitBaselineChange(ctx.db, change)));
}

/** How a file import writes: each row's commune checked against the importer's scope, batches as they come. */
export interface ImportWriter {
  mayWrite(communeCode: string): boolean;
  /** a batch whose references the import already checked, all or nothing */
  write(reports: CountsReport[]): Promise<CommittedReport[]>;
  /** the import's outcome, to the audit log */
  finish(details: Record<string, unknown>): Promise<void>;
}

/** Opens a file import: the importer's role is checked (and throttled) once, before anything is read. */
export async function openImport(ctx: IngestContext): Promise<ImportWriter> {
  await assertAllowed(ctx, "write", []);
  return {
    mayWrite: (communeCode) => refusal(ctx.principal, "write", [communeScope(communeCode)], ctx.provinceOf) === null,
    write: async (reports) => published(ctx, await submitReports(ctx.db, reports, { referencesChecked: true })),
    finish: (details) =>
      writeAudit(ctx.db, { actor: actorOf(ctx.principal), action: "import.csv", ip: ctx.clientIp, details }),
  };
}
