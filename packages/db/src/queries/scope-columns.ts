import type { Scope } from "@pulse/schema";

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
