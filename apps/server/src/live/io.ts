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
  type ServerToClientEvents,
} from "@pulse/schema";
import { Server } from "socket.io";
import { type PrincipalResolver } from "../auth/resolve-principal";

export interface SocketData {
  principal: Principal;
}

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** The private room of the screens using one kiosk token, so a revocation reaches them all. */
export const kioskRoom = (tokenId: string) => `kiosk:${tokenId}`;

export interface LiveAccess {
  webOrigin: string;
  resolvePrincipal: PrincipalResolver;
  provinceOf: ProvinceOf;
  /** a screen connected with this kiosk token (its "last connected" time) */
  onKioskConnected?: (tokenId: string) => void;
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
        if (principal.kind === "kiosk") {
          void socket.join(kioskRoom(principal.tokenId));
          access.onKioskConnected?.(principal.tokenId);
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
  });
  return io;
}
