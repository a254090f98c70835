import type { Scope } from "@pulse/schema";
import { sql, type SQL } from "drizzle-orm";

/** A scope as the tables keep it (kind, code), and back. */
export function scopeOf(kind: string | null, code: string | null): Scope | null {
  if (kind === "nation") return { kind };
  if ((kind === "province" || kind === "commune") && code) return { kind, code };
  return null;
}

export const scopeColumns = (scope: Scope) => ({
  scopeKind: scope.kind,
  scopeCode: scope.kind === "nation" ? null : scope.code,
});

/** Ledger rows `r` (joined to their commune `c`) in a scope. */
export function reportsInScope(scope: Scope): SQL {
  if (scope.kind === "nation") return sql`true`;
  return scope.kind === "province" ? sql`c.province_code = ${scope.code}` : sql`r.commune_code = ${scope.code}`;
}
