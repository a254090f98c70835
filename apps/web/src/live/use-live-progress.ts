"use client";

import type { LiveProgress, RouterOutputs, UnitProgress } from "@pulse/api";
import type { Scope } from "@pulse/schema";
import { ACTIVITY_ITEMS, applyDelta, applyUnitDeltas, roomOf, type Room, type Versioned } from "@pulse/schema/live";
import { useQuery, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTRPC } from "../trpc/react";
import { useLiveRoom, useLiveStatus } from "./live-provider";

export type LiveView = { kind: "nation" } | { kind: "province"; code: string } | { kind: "commune"; code: string };

type NationData = RouterOutputs["progress"]["nation"];
type ProvinceData = RouterOutputs["progress"]["province"];
type CommunesData = RouterOutputs["progress"]["communes"];

type Merge<T> = (data: T, push: LiveProgress) => T | "behind";

/** A view with a total and a list of units, with a push's deltas applied. */
function mergeView<T extends { total: Versioned }>(data: T, push: LiveProgress, units: UnitProgress[]) {
  const total = push.total ? applyDelta(data.total, push.total) : data.total;
  const merged = applyUnitDeltas(units, push.units);
  return total === "behind" || merged.behind ? "behind" : { data: { ...data, total }, units: merged.units };
}

/**
 * Keeps a snapshot in the TanStack Query cache live: each push's deltas are applied to what the
 * cache holds (what it already holds, from another process or a newer snapshot, is left as it
 * is); a push the cache is too old for — a missed push — or a reconnect or resync fetches the
 * snapshot again.
 */
function useLiveSnapshot<T>(room: Room | null, queryKey: QueryKey, merge: Merge<T> | null): void {
  const queryClient = useQueryClient();
  useLiveRoom(room, (event) => {
    const push = event as LiveProgress;
    // Pushes measure pace against the national campaign: a view of another one fetches afresh.
    if (!merge) return void queryClient.invalidateQueries({ queryKey });
    let behind = false;
    queryClient.setQueryData<T>(queryKey, (data) => {
      if (data === undefined) return data;
      const next = merge(data, push);
      behind = next === "behind";
      return next === "behind" ? data : next;
    });
    if (behind) void queryClient.invalidateQueries({ queryKey });
  });
  useRefetchOnResync(queryKey);
}

/** Fetches a query again whenever pushes may have been missed (a reconnect, a resync). */
export function useRefetchOnResync(queryKey: QueryKey): void {
  const queryClient = useQueryClient();
  const { epoch } = useLiveStatus();
  const seenEpoch = useRef(epoch);
  useEffect(() => {
    if (epoch === seenEpoch.current) return;
    seenEpoch.current = epoch;
    void queryClient.invalidateQueries({ queryKey });
  }, [epoch, queryClient, queryKey]);
}

/**
 * The progress of a view — the nation's provinces, a province's communes, or one commune — as a
 * snapshot over tRPC kept live by the hub's pushes. Every view uses this one hook.
 */
export function useLiveProgress(view: LiveView | null, campaignId?: string) {
  const trpc = useTRPC();
  const nationOptions = trpc.progress.nation.queryOptions({ campaignId });
  const provinceOptions = trpc.progress.province.queryOptions({
    code: view?.kind === "province" ? view.code : "",
    campaignId,
  });
  const communeOptions = trpc.progress.communes.queryOptions({
    codes: view?.kind === "commune" ? [view.code] : [],
    campaignId,
  });
  const merging = campaignId === undefined;

  const nation = useQuery({ ...nationOptions, enabled: view?.kind === "nation" });
  const province = useQuery({ ...provinceOptions, enabled: view?.kind === "province" });
  const commune = useQuery({ ...communeOptions, enabled: view?.kind === "commune" });

  useLiveSnapshot<NationData>(
    view?.kind === "nation" ? "nation" : null,
    nationOptions.queryKey,
    merging
      ? (data, push) => {
          const merged = mergeView(data, push, data.provinces);
          return merged === "behind" ? merged : { ...merged.data, provinces: merged.units };
        }
      : null,
  );
  useLiveSnapshot<ProvinceData>(
    view?.kind === "province" ? roomOf(view) : null,
    provinceOptions.queryKey,
    merging
      ? (data, push) => {
          const merged = mergeView(data, push, data.communes);
          return merged === "behind" ? merged : { ...merged.data, communes: merged.units };
        }
      : null,
  );
  useLiveSnapshot<CommunesData>(
    view?.kind === "commune" ? roomOf(view) : null,
    communeOptions.queryKey,
    merging
      ? (data, push) => {
          const merged = applyUnitDeltas(data, push.units);
          return merged.behind ? "behind" : merged.units;
        }
      : null,
  );
  return { nation, province, commune };
}

type Activity = RouterOutputs["reports"]["recent"];

/** Pushed reports over the held ones: newest first by arrival, each once, the newest few kept. */
function mergeActivity(held: Activity, pushed: Activity): Activity {
  const byId = new Map([...held, ...pushed].map((item) => [item.id, item]));
  return [...byId.values()]
    .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.id - a.id)
    .slice(0, ACTIVITY_ITEMS);
}

/**
 * The ticker of a view: its newest reports (village, what was counted, when — never a person),
 * loaded once and kept current by the same pushes as its progress.
 */
export function useRecentActivity(view: LiveView) {
  const trpc = useTRPC();
  const scope: Scope = view.kind === "nation" ? { kind: "nation" } : view;
  const options = trpc.reports.recent.queryOptions({ scope, limit: ACTIVITY_ITEMS });
  useLiveSnapshot<Activity>(roomOf(view), options.queryKey, (data, push) => mergeActivity(data, push.activity));
  return useQuery(options);
}
