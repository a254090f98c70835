import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../client";
import type { CommittedReport } from "./entries";
import { jsonParam } from "./json-param";

export interface ExistingReport {
  contentHash: string;
  receipt: CommittedReport;
}

/** The first receipts of keys already in the ledger (marked as duplicates), with their content hashes. */
export async function receiptsOfExisting(db: Database, keys: string[]): Promise<Map<string, ExistingReport>> {
  const rows = await queryRows<{
    id: number;
    key: string;
    content_hash: string;
    received_at: string;
    applied: boolean;
    over_eligible: boolean;
    review: "held" | "approved" | "rejected" | null;
    commune_code: string;
    province_code: string;
    version: number;
  }>(
    db,
    sql`select r.id::float8 as id, r.idempotency_key::text as key, r.content_hash, to_json(r.received_at)#>>'{}' as received_at,
        r.applied, r.over_eligible, r.review, r.commune_code, c.province_code, c.version::float8 as version
      from reports r join commune_counters c using (commune_code)
      where r.idempotency_key in (select (jsonb_array_elements_text(${jsonParam(keys)}))::uuid)`,
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
          review: row.review,
          communeCode: row.commune_code,
          provinceCode: row.province_code,
          version: row.version,
        },
      },
    ]),
  );
}
