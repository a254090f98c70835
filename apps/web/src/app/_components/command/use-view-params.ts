"use client";

import type { SortingState } from "@tanstack/react-table";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { SORT_KEYS, type SortKey } from "./unit-table";

/**
 * Sort, filters and campaign kept in the address (`?sort=rate&dir=asc&kind=phuong&status=behind&q=cua+nam&campaign=…`),
 * so a shared link opens the same view; changing them replaces the entry without scrolling.
 */
export function useViewParams() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const sortKey = SORT_KEYS.find((k) => k === params.get("sort")) ?? ("rate" satisfies SortKey);
  const sorting: SortingState = [{ id: sortKey, desc: params.get("dir") === "desc" }];
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    const query = next.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };
  return {
    sorting,
    setSorting: (s: SortingState) => set({ sort: s[0]?.id ?? null, dir: s[0]?.desc ? "desc" : "asc" }),
    query: params.get("q") ?? "",
    kind: params.get("kind") ?? "",
    status: params.get("status") ?? "",
    campaignId: params.get("campaign") ?? undefined,
    set,
  };
}
