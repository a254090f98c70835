"use client";

import type { LiveProgress, RouterOutputs, UnitProgress } from "@pulse/api";
import { ACTIVITY_ITEMS, roomOf, type Room, type Scope } from "@pulse/schema";
import { useQuery, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTRPC } from "../trpc/react";
import { useLiveRoom, useLiveStatus } from "./live-provider";

export type LiveView = { kind: "nation" } | { kind: "province"; code: string } | { kind: "commune"; code: string };

type NationData = RouterOutputs["progress"]["nation"];
type ProvinceData = RouterOutputs["progress"]["province"];
type CommunesData = RouterOutputs["progress"]["communes"];

/** Replaces the pushed units in a list, keeping its order. */
function replaceUnits(units: UnitProgress[], pushed: UnitProgress[]): UnitProgress[] {
  const byCode = new Map(pushed.map((u) => [u.code, u]));
  return units.map((u) => byCode.get(u.code) ?? u);
}

/** The pushed total over the held one (a commune push carries none). */
function mergeTotal<T extends { total: object }>(data: T, push: LiveProgress): T {
  return push.total ? { ...data, total: { ...data.total, ...push.total } } : data;
}

/**
 * Keeps a snapshot in the TanStack Query cache live: a push newer than what the cache holds
 * is merged in (older or repeated ones are ignored, whatever process sent them); after a
 * reconnect or a resync the snapshot is fetched again.
 */
function useLiveSnapshot<T>(
  room: Room | null,
  queryKey: QueryKey,
  merge: ((data: T, push: LiveProgress) => T) | null,
  /** what the cache holds is at this version; without it every push is merged (merge must then be idempotent) */
  versionOf?: (data: T) => number,
): void {
  const queryClient = useQueryClient();
  useLiveRoom(room, (event) => {
    const push = event as LiveProgress;
    // Pushes measure pace against the national campaign: a view of another one fetches afresh.
    if (!merge) return void queryClient.invalidateQueries({ queryKey });
    queryClient.setQueryData<T>(queryKey, (data) =>
      data === undefined || (versionOf && push.version <= versionOf(data)) ? data : merge(data, push),
    );
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
      ? (data, push) => ({ ...mergeTotal(data, push), provinces: replaceUnits(data.provinces, push.units) })
      : null,
    (data) => data.total.version,
  );
  useLiveSnapshot<ProvinceData>(
    view?.kind === "province" ? roomOf(view) : null,
    provinceOptions.queryKey,
    merging ? (data, push) => ({ ...mergeTotal(data, push), communes: replaceUnits(data.communes, push.units) }) : null,
    (data) => data.total.version,
  );
  useLiveSnapshot<CommunesData>(
    view?.kind === "commune" ? roomOf(view) : null,
    communeOptions.queryKey,
    merging ? (data, push) => replaceUnits(data, push.units) : null,
    (data) => data[0]?.version ?? 0,
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
