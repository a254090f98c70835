"use client";

import { PACE_STATUSES } from "@pulse/indicators";
import type { SortingState } from "@tanstack/react-table";
import { parseAsString, parseAsStringLiteral, throttle, useQueryStates } from "nuqs";
import { SORT_KEYS } from "./unit-table";

/** The view's address parameters, typed: an unknown value reads as the default. */
const VIEW_PARSERS = {
  sort: parseAsStringLiteral(SORT_KEYS).withDefault("rate"),
  dir: parseAsStringLiteral(["asc", "desc"] as const).withDefault("asc"),
  q: parseAsString.withDefault(""),
  kind: parseAsString.withDefault(""),
  status: parseAsStringLiteral(PACE_STATUSES),
  campaign: parseAsString,
};

/**
 * Sort, filters and campaign kept in the address (`?sort=rate&dir=asc&kind=phuong&status=behind&q=cua+nam&campaign=…`),
 * so a shared link opens the same view. The page answers each key at once from its own state;
 * the address follows at most every 300 ms, replaced in place, without asking the server to
 * render the page again (every key used to, and an older answer overwrote newer typing).
 */
export function useViewParams() {
  const [params, setParams] = useQueryStates(VIEW_PARSERS, {
    history: "replace",
    scroll: false,
    shallow: true,
    limitUrlUpdates: throttle(300),
    clearOnDefault: false,
  });
  const sorting: SortingState = [{ id: params.sort, desc: params.dir === "desc" }];
  const orNull = (value: string | undefined) => (value ? value : null);
  const set = (changes: { q?: string; kind?: string; status?: string; campaign?: string }) =>
    void setParams({
      ...(changes.q !== undefined && { q: orNull(changes.q) }),
      ...(changes.kind !== undefined && { kind: orNull(changes.kind) }),
      ...(changes.status !== undefined && { status: PACE_STATUSES.find((s) => s === changes.status) ?? null }),
      ...(changes.campaign !== undefined && { campaign: orNull(changes.campaign) }),
    });
  return {
    sorting,
    setSorting: (s: SortingState) => {
      const sort = SORT_KEYS.find((key) => key === s[0]?.id) ?? null;
      void setParams({ sort, dir: s[0]?.desc ? "desc" : "asc" });
    },
    query: params.q,
    kind: params.kind,
    status: params.status ?? "",
    campaignId: params.campaign ?? undefined,
    set,
  };
}
