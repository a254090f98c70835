import { createHash } from "node:crypto";
import { hcmDay } from "@pulse/indicators";
import { fieldError, type BaselineChange, type TeamChange } from "@pulse/schema";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../client";
import { refreshCommuneFigures } from "./recompute";
import { ReportConflictError, ReportValidationError, type CommittedReport } from "./entries";
import { receiptsOfExisting } from "./receipts";
import { checkReportReferences } from "./references";

type Change = { kind: "team"; change: TeamChange } | { kind: "baseline"; change: BaselineChange };

function contentHash({ kind, change }: Change): string {
  const { idempotencyKey: _key, asOf, ...rest } = change;
  return createHash("sha256")
    .update(JSON.stringify([kind, asOf.toISOString(), rest]))
    .digest("hex");
}

/**
 * A team or baseline change: a ledger row (same idempotency rules as counts reports) and, in
 * the same transaction, the teams or baselines row it makes and the commune's refreshed figures.
 */
async function writeChange(db: Database, entry: Change): Promise<CommittedReport> {
  const { change } = entry;
  const villageCode = entry.kind === "team" ? (entry.change.villageCode ?? null) : null;
  const referenceErrors = await checkReportReferences(db, [
    { communeCode: change.communeCode, ...(villageCode ? { villageCode } : {}) },
  ]);
  if (referenceErrors.length > 0) throw new ReportValidationError(referenceErrors);
  const hash = contentHash(entry);
  const { idempotencyKey: _key, asOf: _asOf, ...payload } = change;

  return db.transaction(async (tx) => {
    const [row] = await queryRows<{ id: number; received_at: string; province_code: string }>(
      tx,
      sql`insert into reports (idempotency_key, content_hash, kind, mode, commune_code, village_code, as_of, reporter, source, payload)
        values (${change.idempotencyKey}::uuid, ${hash}, ${entry.kind}, ${entry.kind === "baseline" ? "snapshot" : "increment"},
          ${change.communeCode}, ${villageCode}, ${change.asOf.toISOString()}::timestamptz, ${change.reporter}, ${change.source},
          ${JSON.stringify(payload)}::jsonb)
        on conflict (idempotency_key) do nothing
        returning id::float8 as id, to_json(received_at)#>>'{}' as received_at,
          (select province_code from communes where code = ${change.communeCode}) as province_code`,
    );
    if (!row) {
      const prior = (await receiptsOfExisting(tx, [change.idempotencyKey])).get(change.idempotencyKey);
      if (!prior || prior.contentHash !== hash) throw new ReportConflictError(change.idempotencyKey);
      return prior.receipt;
    }
    const day = hcmDay(change.asOf);
    if (entry.kind === "baseline") {
      const b = entry.change;
      await tx.execute(sql`insert into commune_baselines (commune_code, eligible, population, as_of, report_id)
        values (${b.communeCode}, ${b.eligible}, ${b.population ?? null}, ${b.effectiveOn}, ${row.id})`);
    } else {
      const { change: team } = entry.change;
      if (team.action === "teamFormed") {
        await tx.execute(sql`insert into teams (commune_code, village_code, kind, name, members, formed_on, report_id)
          values (${change.communeCode}, ${villageCode}, ${team.teamKind}, ${team.name}, ${team.members}, ${day}, ${row.id})`);
      } else if (team.action === "teamDisbanded") {
        const ended = await queryRows<{ id: number }>(
          tx,
          sql`update teams set active = false, disbanded_on = ${day}
            where id = ${team.teamId} and commune_code = ${change.communeCode} and active and kind <> 'support_staff'
            returning id`,
        );
        if (ended.length === 0) throw new ReportValidationError([fieldError("change.teamId", "unknownTeam")]);
      } else {
        await tx.execute(sql`update teams set active = false, disbanded_on = ${day}
          where commune_code = ${change.communeCode} and kind = 'support_staff' and active`);
        if (team.members > 0) {
          await tx.execute(sql`insert into teams (commune_code, kind, name, members, formed_on, report_id)
            values (${change.communeCode}, 'support_staff', 'Cán bộ hỗ trợ', ${team.members}, ${day}, ${row.id})`);
        }
      }
    }
    const version = await refreshCommuneFigures(tx, change.communeCode);
    const [flag] = await queryRows<{ over: boolean }>(
      tx,
      sql`update reports set over_eligible = c.eligible > 0 and c.eid_l2_activated > c.eligible
        from commune_counters c where c.commune_code = ${change.communeCode} and reports.id = ${row.id}
        returning reports.over_eligible as over`,
    );
    return {
      reportId: row.id,
      idempotencyKey: change.idempotencyKey,
      receivedAt: new Date(row.received_at),
      applied: true,
      duplicate: false,
      overEligible: flag?.over ?? false,
      review: null,
      communeCode: change.communeCode,
      provinceCode: row.province_code,
      version,
    };
  });
}

/** A team formed or disbanded, or support staff set, for a commune or one of its villages. */
export function submitTeamChange(db: Database, change: TeamChange): Promise<CommittedReport> {
  return writeChange(db, { kind: "team", change });
}

/** A commune's eligible population as of a date. */
export function submitBaselineChange(db: Database, change: BaselineChange): Promise<CommittedReport> {
  return writeChange(db, { kind: "baseline", change });
}
