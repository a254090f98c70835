import { fromNodeHeaders } from "better-auth/node";
import type { Server as HttpServer } from "node:http";
import { refusal, type Principal, type ProvinceOf } from "@pulse/api";
import {
  ACCESS_MESSAGES,
  VALIDATION_MESSAGES,
  isRoom,
  scopeOfRoom,
  type ClientToServerEvents,
  type LiveRefusal,
  type ScreenReport,
  type ServerToClientEvents,
} from "@pulse/schema";
import { Server } from "socket.io";
import { type PrincipalResolver } from "../auth/resolve-principal";
import type { KioskSeenRecorder } from "./kiosk-seen";

export interface SocketData {
  principal: Principal;
}

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** The private room of the screens using one kiosk token, so a revocation reaches them all. */
export const kioskRoom = (tokenId: string) => `kiosk:${tokenId}`;
/** Every socket of a signed-in user: their notices are pushed here. */
export const userRoom = (userId: string) => `user:${userId}`;

export interface LiveAccess {
  webOrigin: string;
  resolvePrincipal: PrincipalResolver;
  provinceOf: ProvinceOf;
  /** the screens' signs of life: connected, reporting (version, page), gone (fleet health) */
  screens?: Pick<KioskSeenRecorder, "seen" | "reported" | "gone">;
}

const REPORT_TEXT_MAX = 200;

/** A screen's report as it may be stored: two short texts, or nothing. */
function screenReportOf(value: unknown): ScreenReport | null {
  if (typeof value !== "object" || value === null) return null;
  const { appVersion, showing } = value as Record<string, unknown>;
  if (typeof appVersion !== "string" || typeof showing !== "string") return null;
  return { appVersion: appVersion.slice(0, REPORT_TEXT_MAX), showing: showing.slice(0, REPORT_TEXT_MAX) };
}

function refuse(code: LiveRefusal["code"], refused: LiveRefusal["refused"]): Error {
  const error = new Error(`${ACCESS_MESSAGES.signInRequired.en}`) as Error & { data: LiveRefusal };
  error.data = { code, refused };
  return error;
}

/**
 * socket.io on the API's own port. A connection is someone (a user's session cookie, a screen's
 * kiosk cookie, or `auth.token`); a room is joined with an acknowledgement only within their scope.
 */
export function createLiveServer(http: HttpServer, access: LiveAccess): LiveServer {
  const io: LiveServer = new Server(http, {
    cors: { origin: access.webOrigin, credentials: true },
    // Compression cost 255 KB per client and 7× latency in measurements: off.
    perMessageDeflate: false,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000 },
    // Cookies ride along with a WebSocket opened by every page: a browser's handshake must come from our origin.
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, origin === undefined || origin === access.webOrigin);
    },
  });
  io.use((socket, next) => {
    const headers = fromNodeHeaders(socket.handshake.headers);
    const token: unknown = socket.handshake.auth.token;
    if (typeof token === "string") headers.set("authorization", `Bearer ${token}`);
    access.resolvePrincipal(headers).then(
      (principal) => {
        if (principal.kind !== "user" && principal.kind !== "kiosk")
          return next(refuse("signInRequired", principal.kind === "anonymous" ? (principal.refused ?? null) : null));
        socket.data.principal = principal;
        if (principal.kind === "user") void socket.join(userRoom(principal.userId));
        if (principal.kind === "kiosk") {
          void socket.join(kioskRoom(principal.tokenId));
          access.screens?.seen(principal.tokenId);
        }
        next();
      },
      (error: unknown) => next(error instanceof Error ? error : new Error(String(error))),
    );
  });
  io.on("connection", (socket) => {
    socket.on("room:join", (room, ack) => {
      if (!isRoom(room)) return ack({ ok: false, error: VALIDATION_MESSAGES.unknownRoom });
      const refused = refusal(socket.data.principal, "read", [scopeOfRoom(room)], access.provinceOf);
      if (refused) return ack({ ok: false, error: ACCESS_MESSAGES[refused] });
      void socket.join(room);
      ack({ ok: true });
    });
    socket.on("room:leave", (room) => {
      if (isRoom(room)) void socket.leave(room);
    });
    const { principal } = socket.data;
    if (principal.kind !== "kiosk") return;
    socket.on("screen:report", (value) => {
      const report = screenReportOf(value);
      if (report) access.screens?.reported(principal.tokenId, report);
    });
    socket.on("disconnect", () => {
      // Dark once the last screen with this token (on this process) has gone.
      if (!io.sockets.adapter.rooms.get(kioskRoom(principal.tokenId))?.size) access.screens?.gone(principal.tokenId);
    });
  });
  return io;
}
