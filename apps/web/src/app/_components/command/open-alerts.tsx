"use client";

import type { Scope } from "@pulse/schema";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { useLiveAlerts } from "../../../live/live-provider";
import { useTRPC } from "../../../trpc/react";

const OpenAlerts = createContext<ReadonlyMap<string, number>>(new Map());

/** How often the open alerts are read again, besides whenever the server pushes a change. */
const OPEN_ALERTS_REFRESH_MS = 60_000;

/**
 * The alerts open now in a scope, counted per row of its table: per commune on a province's page,
 * per province on the nation's. Read again whenever the user's alerts change (pushed live).
 */
export function OpenAlertsProvider({ scope, children }: { scope: Scope; children: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const open = useQuery({ ...trpc.alerts.open.queryOptions(scope), refetchInterval: OPEN_ALERTS_REFRESH_MS });
  useLiveAlerts(() => void queryClient.invalidateQueries({ queryKey: trpc.alerts.open.queryKey() }));
  const counts = useMemo(() => {
    const byRow = new Map<string, number>();
    for (const alert of open.data ?? []) {
      const row = scope.kind === "nation" ? alert.provinceCode : alert.unitCode;
      if (row) byRow.set(row, (byRow.get(row) ?? 0) + 1);
    }
    return byRow;
  }, [open.data, scope.kind]);
  return <OpenAlerts.Provider value={counts}>{children}</OpenAlerts.Provider>;
}

/** How many alerts are open for a row (a commune, or a province on the nation's page). */
export const useOpenAlertCount = (code: string) => useContext(OpenAlerts).get(code) ?? 0;
