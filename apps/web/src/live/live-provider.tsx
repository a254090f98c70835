"use client";

import type { ProgressChanged, Room } from "@pulse/schema";
import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { LiveConnection, type LiveState } from "./connection";

const LiveContext = createContext<LiveConnection | null>(null);

const SERVER_STATE: LiveState = { status: "connecting", lastSeenAt: null, epoch: 0 };

/** The live hub's address: configured, or this page's host on the API port. */
function liveUrl(configured: string | null, port: number): string {
  return configured ?? `${window.location.protocol}//${window.location.hostname}:${port}`;
}

const RELOADED_AT = "pulse-access-reload";

/**
 * Access ended (signed out elsewhere, token revoked): reload, and the server sends a person to
 * sign-in and a screen to its re-pair message. At most once a minute, so a fault cannot loop.
 */
function reloadForAccess(): void {
  const last = Number(sessionStorage.getItem(RELOADED_AT) ?? 0);
  if (Date.now() - last < 60_000) return;
  sessionStorage.setItem(RELOADED_AT, String(Date.now()));
  window.location.reload();
}

/** One socket per page, shared by every subscription on it; reconnects forever. A wall `reportsScreen`. */
export function LiveProvider({
  url,
  port,
  reportsScreen = false,
  children,
}: {
  url: string | null;
  port: number;
  reportsScreen?: boolean;
  children: ReactNode;
}) {
  const [connection] = useState(() => new LiveConnection());
  useEffect(
    () => connection.connect(liveUrl(url, port), reloadForAccess, reportsScreen),
    [connection, url, port, reportsScreen],
  );
  return <LiveContext.Provider value={connection}>{children}</LiveContext.Provider>;
}

function useConnection(): LiveConnection {
  const connection = useContext(LiveContext);
  if (!connection) throw new Error("useLive… needs a <LiveProvider>");
  return connection;
}

export function useLiveStatus(): LiveState {
  const connection = useConnection();
  return useSyncExternalStore(connection.subscribe, connection.getState, () => SERVER_STATE);
}

/**
 * Calls `onChange` for each change pushed to a room while mounted; the handler lives in a ref,
 * so re-renders do not resubscribe.
 */
export function useLiveRoom(room: Room | null, onChange: (event: ProgressChanged) => void): void {
  const connection = useConnection();
  const handler = useRef(onChange);
  useEffect(() => {
    handler.current = onChange;
  });
  useEffect(() => (room ? connection.watch(room, (event) => handler.current(event)) : undefined), [connection, room]);
}

/** Calls `onChange` whenever the user's alert notices change (pushed by the server). */
export function useLiveAlerts(onChange: () => void): void {
  const connection = useConnection();
  const handler = useRef(onChange);
  useEffect(() => {
    handler.current = onChange;
  });
  useEffect(() => connection.onAlerts(() => handler.current()), [connection]);
}
