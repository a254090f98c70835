import type { ClientToServerEvents, LiveRefusal, ProgressChanged, Room, ServerToClientEvents } from "@pulse/schema";
import { SCREEN_REPORT_MS } from "@pulse/schema/live";
import { io, type Socket } from "socket.io-client";

export type LiveStatus = "connecting" | "live" | "reconnecting" | "stale";

export interface LiveState {
  status: LiveStatus;
  /** when the last heartbeat or update arrived */
  lastSeenAt: Date | null;
  /**
   * Goes up each time pushes may have been missed (a reconnect, or the server's processes lost
   * each other for a while): views fetch their snapshot again when it changes.
   */
  epoch: number;
}

/** A screen that has heard nothing for this long says so. */
export const STALE_AFTER_MS = 10_000;

type Handler = (event: ProgressChanged) => void;

/**
 * The page's one socket: rooms are joined once however many components watch them, and joined
 * again after every reconnect. Status is a tiny external store for `useSyncExternalStore`.
 */
export class LiveConnection {
  private socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
  private readonly rooms = new Map<Room, Set<Handler>>();
  private readonly alertHandlers = new Set<() => void>();
  private readonly listeners = new Set<() => void>();
  private state: LiveState = { status: "connecting", lastSeenAt: null, epoch: 0 };
  private connectedOnce = false;
  private staleTimer: ReturnType<typeof setInterval> | null = null;
  private target: { url: string; onAccessLost: () => void; reportsScreen: boolean } | null = null;
  private appVersion: string | null = null;
  private lastReportAt = 0;

  /**
   * Where the hub is, and what to do when the server says this user or screen may no longer
   * see anything (signed out, token revoked or expired). The socket opens with the first room
   * watched: pages without live data (sign-in, pairing) never connect. A wall `reportsScreen`:
   * its version and page, every SCREEN_REPORT_MS, for the screens' health list (the server
   * keeps reports from kiosk tokens only).
   */
  connect(url: string, onAccessLost: () => void, reportsScreen = false): () => void {
    this.target = { url, onAccessLost, reportsScreen };
    if (this.rooms.size > 0 || this.alertHandlers.size > 0) this.open();
    return () => {
      if (this.staleTimer) clearInterval(this.staleTimer);
      this.socket?.close();
      this.socket = null;
      this.target = null;
    };
  }

  private open(): void {
    if (this.socket || !this.target) return;
    const { url, onAccessLost } = this.target;
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
      transports: ["websocket"],
      // A fleet reconnecting after a restart: 1 s, 2 s, 4 s, then every 5 s at most, each ±50 %
      // (socket.io's jitter), so 10,000 screens neither arrive at once nor wait long once it is up.
      reconnectionDelay: 1_000,
      reconnectionDelayMax: 5_000,
      randomizationFactor: 0.5,
      withCredentials: true,
    });
    this.socket = socket;
    socket.on("access:revoked", onAccessLost);
    socket.on("connect_error", (error) => {
      if ((error as { data?: Partial<LiveRefusal> }).data?.code === "signInRequired") onAccessLost();
    });
    socket.on("connect", () => {
      if (this.connectedOnce) this.resync();
      this.connectedOnce = true;
      this.lastReportAt = 0;
      this.seen();
      for (const room of this.rooms.keys()) socket.emit("room:join", room, () => undefined);
    });
    socket.on("live:heartbeat", ({ appVersion }) => {
      this.seen();
      // A new server version (a deploy or a restart): reload, so the page and the server agree.
      if (this.appVersion !== null && appVersion !== this.appVersion) window.location.reload();
      this.appVersion = appVersion;
      if (this.target?.reportsScreen && Date.now() - this.lastReportAt >= SCREEN_REPORT_MS) {
        this.lastReportAt = Date.now();
        socket.emit("screen:report", { appVersion, showing: window.location.pathname });
      }
    });
    socket.on("progress:changed", (event) => {
      this.seen();
      for (const handler of this.rooms.get(event.room) ?? []) handler(event);
    });
    socket.on("live:resync", () => this.resync());
    socket.on("alerts:changed", () => {
      for (const handler of this.alertHandlers) handler();
    });
    socket.on("disconnect", () => this.setState({ ...this.state, status: "reconnecting" }));
    this.staleTimer = setInterval(() => {
      const { lastSeenAt, status } = this.state;
      if (lastSeenAt && status !== "stale" && Date.now() - lastSeenAt.getTime() > STALE_AFTER_MS) {
        this.setState({ ...this.state, status: "stale" });
      }
    }, 1_000);
  }

  watch(room: Room, handler: Handler): () => void {
    const handlers = this.rooms.get(room) ?? new Set<Handler>();
    if (handlers.size === 0 && this.socket?.connected) this.socket.emit("room:join", room, () => undefined);
    handlers.add(handler);
    this.rooms.set(room, handlers);
    this.open();
    return () => {
      handlers.delete(handler);
      if (handlers.size > 0) return;
      this.rooms.delete(room);
      this.socket?.emit("room:leave", room);
    };
  }

  /** Calls `handler` whenever the signed-in user's notices change (and opens the socket for it). */
  onAlerts(handler: () => void): () => void {
    this.alertHandlers.add(handler);
    this.open();
    return () => this.alertHandlers.delete(handler);
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): LiveState => this.state;

  private seen(): void {
    this.setState({ ...this.state, status: "live", lastSeenAt: new Date() });
  }

  private resync(): void {
    this.setState({ ...this.state, epoch: this.state.epoch + 1 });
  }

  private setState(state: LiveState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
