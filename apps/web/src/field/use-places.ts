"use client";

import type { Scope } from "@pulse/schema";
import { PLACES_PATH, type CommunePlaces, type ProvincePlaces } from "@pulse/schema/places";
import { useEffect, useMemo, useState } from "react";
import { loadPlaces, savePlaces, type Place } from "./field-store";

/** A count that grows each time the phone finds a network again. */
function useOnlineAgain(): number {
  const [times, setTimes] = useState(0);
  useEffect(() => {
    const onOnline = () => setTimes((n) => n + 1);
    window.addEventListener("online", onOnline);
    return () => window.removeEventListener("online", onOnline);
  }, []);
  return times;
}

/**
 * One GET of the places API, again whenever `refresh` changes or the network is back; `failed`
 * once it did not answer (offline, or the session expired). Plain fetch: the field page carries
 * no query library.
 */
function usePlacesApi<T>(query: string | null, refresh: number) {
  const [answer, setAnswer] = useState<{ query: string; data: T | null; failed: boolean } | null>(null);
  const onlineAgain = useOnlineAgain();
  useEffect(() => {
    if (!query) return;
    const controller = new AbortController();
    fetch(`${PLACES_PATH}?${query}`, { signal: controller.signal, headers: { accept: "application/json" } })
      .then(async (res) => {
        if (!res.ok) throw new Error(`places: ${res.status}`);
        setAnswer({ query, data: (await res.json()) as T, failed: false });
      })
      .catch(() => {
        // A failed refresh keeps the figures already shown.
        if (!controller.signal.aborted)
          setAnswer((a) => (a?.query === query && a.data ? a : { query, data: null, failed: true }));
      });
    return () => controller.abort();
  }, [query, refresh, onlineAgain]);
  const current = answer?.query === query ? answer : null;
  return { data: current?.data ?? undefined, failed: current?.failed ?? false };
}

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

/**
 * The villages of a commune, and the commune's current figures when online: read again whenever
 * `refresh` changes (a report recorded), so the figures include what was just sent.
 */
export function useVillages(communeCode: string | null, refresh: number) {
  const { data, failed } = usePlacesApi<CommunePlaces>(communeCode && `commune=${communeCode}`, refresh);
  const fetched = useMemo(
    () => data?.villages.map((v) => ({ code: v.code, name: v.name, communeCode: communeCode ?? "" })),
    [data, communeCode],
  );
  const kept = useKeptPlaces(communeCode && `commune:${communeCode}`, fetched, failed);
  return { ...kept, detail: data ?? null };
}

/** The communes a province user may report for; a commune-scoped user has just its own. */
export function useCommunes(scope: Scope) {
  const provinceCode = scope.kind === "province" ? scope.code : null;
  const { data, failed } = usePlacesApi<ProvincePlaces>(provinceCode && `province=${provinceCode}`, 0);
  const fetched = useMemo(
    () => data?.communes.map((c) => ({ code: c.code, name: c.fullName, communeCode: c.code })),
    [data],
  );
  return useKeptPlaces(provinceCode && `province:${provinceCode}`, fetched, failed);
}
