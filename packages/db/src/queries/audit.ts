import { desc, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { auditLog } from "../tables";

export interface AuditEntry {
  actor: string;
  action: string;
  target?: string | null | undefined;
  ip?: string | null | undefined;
  details?: Record<string, unknown> | undefined;
}

export async function writeAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actor: entry.actor,
    action: entry.action,
    target: entry.target ?? null,
    ip: entry.ip ?? null,
    details: entry.details ?? null,
  });
}

export type AuditRow = typeof auditLog.$inferSelect;

export function listAudit(db: Database, params: { limit: number; action?: string | undefined }): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(params.action ? eq(auditLog.action, params.action) : sql`true`)
    .orderBy(desc(auditLog.id))
    .limit(params.limit);
}
