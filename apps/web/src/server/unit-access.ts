import type { AppRouter } from "@pulse/api";
import type { Scope } from "@pulse/schema";
import { TRPCClientError } from "@trpc/client";
import { serverApi } from "./api";

/** A unit a page shows: a commune (or its villages), a province, or the nation. */
export type UnitView =
  { kind: "commune" | "villages"; code: string } | { kind: "province"; code: string } | { kind: "nation" };

/** Where a scope's page is, under `/wall` or at the top level. */
export function scopePath(scope: Scope, base: "" | "/wall"): string {
  return scope.kind === "nation" ? `${base}/nation` : `${base}/${scope.kind}/${scope.code}`;
}

/** Asks the API for a unit's data as this viewer: why it refuses, or null when it answers. */
export async function refusalOf(view: UnitView): Promise<"outside" | "unknown" | null> {
  const api = await serverApi();
  try {
    if (view.kind === "nation") await api.progress.nation.query();
    else if (view.kind === "province") await api.progress.province.query({ code: view.code });
    else await api.progress.commune.query({ code: view.code });
    return null;
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error;
    const { code } = (error as TRPCClientError<AppRouter>).data ?? {};
    if (code === "FORBIDDEN") return "outside";
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") return "unknown";
    throw error;
  }
}
