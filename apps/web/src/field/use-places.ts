"use client";

import type { Scope } from "@pulse/schema";
import { roomOf } from "@pulse/schema/live";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useTRPC } from "../trpc/react";
import { loadPlaces, savePlaces, type Place } from "./field-store";

/**
 * The places of a list (a commune's villages, or a province's communes): from the server when it
 * answers, kept on the phone, and from the phone when it does not (`offline` says which).
 */
function useKeptPlaces(key: string | null, fetched: Place[] | undefined, failed: boolean) {
  const [kept, setKept] = useState<Place[] | null>(null);
  useEffect(() => {
    if (key && fetched) void savePlaces(key, fetched);
  }, [key, fetched]);
  useEffect(() => {
    if (!key || fetched || !failed) return;
    let current = true;
    void loadPlaces(key).then((places) => current && setKept(places));
    return () => {
      current = false;
    };
  }, [key, fetched, failed]);
  if (fetched) return { places: fetched, offline: false };
  return { places: failed ? (kept ?? []) : null, offline: failed && kept !== null };
}

/** The villages of a commune, and the commune's current figures when online. */
export function useVillages(communeCode: string | null) {
  const trpc = useTRPC();
  const detail = useQuery({
    ...trpc.progress.commune.queryOptions({ code: communeCode ?? "" }),
    enabled: communeCode !== null,
    retry: 1,
  });
  const fetched = useMemo(
    () => detail.data?.villages.map((v) => ({ code: v.code, name: v.name, communeCode: communeCode ?? "" })),
    [detail.data, communeCode],
  );
  const kept = useKeptPlaces(communeCode && roomOf({ kind: "commune", code: communeCode }), fetched, detail.isError);
  return { ...kept, detail: detail.data ?? null };
}

/** The communes a province user may report for; a commune-scoped user has just its own. */
export function useCommunes(scope: Scope) {
  const trpc = useTRPC();
  const provinceCode = scope.kind === "province" ? scope.code : null;
  const province = useQuery({
    ...trpc.progress.province.queryOptions({ code: provinceCode ?? "" }),
    enabled: provinceCode !== null,
    retry: 1,
  });
  const fetched = useMemo(
    () => province.data?.communes.map((c) => ({ code: c.code, name: c.fullName, communeCode: c.code })),
    [province.data],
  );
  return useKeptPlaces(provinceCode && roomOf({ kind: "province", code: provinceCode }), fetched, province.isError);
}
