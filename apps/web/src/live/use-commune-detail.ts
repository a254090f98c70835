"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useLiveRoom } from "./live-provider";
import { useRefetchOnResync } from "./use-live-progress";
import { useTRPC } from "../trpc/react";

/**
 * A commune's villages, today's activations and its campaign series: fetched again after each
 * push to its room (at most 4 a second, coalesced by the hub) and after a reconnect.
 */
export function useCommuneDetail(code: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = trpc.progress.commune.queryOptions({ code });
  useLiveRoom(`commune:${code}`, () => void queryClient.invalidateQueries({ queryKey: options.queryKey }));
  useRefetchOnResync(options.queryKey);
  return useQuery(options);
}
