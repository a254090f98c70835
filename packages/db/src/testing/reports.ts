import { randomUUID } from "node:crypto";
import type { CounterValues, CountsReport } from "@pulse/schema";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../client";

/** A valid counts report with sensible defaults; tests override what they are about. */
export function countsReport(overrides: Partial<CountsReport> & { counters?: CounterValues } = {}): CountsReport {
  return {
    idempotencyKey: randomUUID(),
    communeCode: "00082",
    asOf: new Date(),
    reporter: "Tổ công tác test",
    source: "api",
    mode: "increment",
    counters: { eidL2Activated: 1 },
    ...overrides,
  };
}

/** The code of a commune's n-th village or residential group. */
export async function villageOf(db: Database, communeCode: string, seq = 1): Promise<string> {
  const [row] = await queryRows<{ code: string }>(
    db,
    sql`select code from villages where commune_code = ${communeCode} and seq = ${seq}`,
  );
  if (!row) throw new Error(`commune ${communeCode} has no village ${seq}`);
  return row.code;
}
