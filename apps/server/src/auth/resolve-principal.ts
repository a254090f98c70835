import type { IncomingMessage } from "node:http";
import { ANONYMOUS, databaseUnavailableError, hashKioskSecret, type Principal } from "@pulse/api";
import type { Database } from "@pulse/db/client";
import {
  findKioskTokensByHash,
  getUserAccess,
  hasLiveSessionToken,
  kioskTokenOf,
  type KioskTokenRow,
} from "@pulse/db/queries";
import DataLoader from "dataloader";
import { KIOSK_COOKIE, KIOSK_TOKEN_PREFIX } from "@pulse/schema";
import { LRUCache } from "lru-cache";
import type { Auth } from "./auth";

export function cookieValue(headers: Headers, name: string): string | undefined {
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

/** A kiosk secret given as `Authorization: Bearer cpk_…` (scripts, benchmarks) or in the screen's cookie. */
function kioskSecretOf(headers: Headers): string | undefined {
  const bearer = headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer?.startsWith(KIOSK_TOKEN_PREFIX)) return bearer;
  return cookieValue(headers, KIOSK_COOKIE);
}

/** The session tokens a request presents (bearer, or the session cookie), without their signature. */
function presentedSessionTokens(headers: Headers): string[] {
  const bearer = headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const cookie = cookieValue(headers, "pulse.session_token") ?? cookieValue(headers, "__Secure-pulse.session_token");
  return [bearer, cookie]
    .filter((value): value is string => !!value && !value.startsWith(KIOSK_TOKEN_PREFIX))
    .map((value) => value.split(".")[0] ?? value);
}

/** What a stored kiosk token opens now: a screen's scope, a screen waiting to be paired, or why nothing. */
export function kioskPrincipal(row: KioskTokenRow | null, now: Date): Principal {
  if (!row) return { kind: "anonymous", refused: "unknown" };
  if (row.revokedAt) return { kind: "anonymous", refused: "revoked" };
  const token = kioskTokenOf(row);
  if (!token) {
    if (row.pairingCode && row.pairingExpiresAt && row.pairingExpiresAt > now)
      return { kind: "pairing", tokenId: row.id, code: row.pairingCode, expiresAt: row.pairingExpiresAt };
    return { kind: "anonymous", refused: "expired" };
  }
  if (token.expiresAt && token.expiresAt <= now) return { kind: "anonymous", refused: "expired" };
  return { kind: "kiosk", tokenId: token.id, name: token.name, scope: token.scope };
}

/**
 * Kiosk tokens looked up in batches: when a fleet of screens reconnects at once (a restart), the
 * tokens presented within a few milliseconds of each other are read in one query, not one each.
 */
function kioskTokenLoader(db: Database) {
  return new DataLoader<string, KioskTokenRow | null>(
    async (hashes) => {
      const rows = new Map((await findKioskTokensByHash(db, hashes)).map((row) => [row.tokenHash, row]));
      return hashes.map((hash) => rows.get(hash) ?? null);
    },
    { cache: false, maxBatchSize: 1_000, batchScheduleFn: (run) => setTimeout(run, 5) },
  );
}

export interface PrincipalResolver {
  (headers: Headers): Promise<Principal>;
  /** forget what was remembered: a session or token just ended in this process */
  forget(): void;
}

/** How long an answer is remembered: a revocation elsewhere reaches HTTP requests within this. */
export const PRINCIPAL_TTL_MS = 2_000;

/**
 * Who sent a request: a signed-in user (session cookie or bearer session token) with the role
 * and scope given to them, else a kiosk token's screen, else nobody. A user without a role
 * sees nothing. Answers are remembered for PRINCIPAL_TTL_MS per credential: looking the session
 * up on every report cost 7× the ingest throughput.
 */
export function createPrincipalResolver(auth: Auth, db: Database): PrincipalResolver {
  const remembered = new LRUCache<string, Promise<Principal>>({ max: 20_000, ttl: PRINCIPAL_TTL_MS });
  const kioskTokens = kioskTokenLoader(db);
  const resolve = async (headers: Headers): Promise<Principal> => {
    const kioskSecret = kioskSecretOf(headers);
    const hasSession =
      headers.has("cookie") ||
      (headers.has("authorization") && !headers.get("authorization")?.includes(KIOSK_TOKEN_PREFIX));
    const session = hasSession ? await auth.api.getSession({ headers }) : null;
    // better-auth answers "no session" when its look-up failed too: a database that is away must
    // be a 503 the client retries, not a 401 (remembered for 2 s) that sends it to sign in. Asked
    // directly (this throws while the database is away), a session that does exist means the
    // look-up failed — even if the connection came back in between.
    if (hasSession && !session && (await hasLiveSessionToken(db, presentedSessionTokens(headers), new Date())))
      throw databaseUnavailableError(new Error("session look-up failed for a valid session"));
    if (session) {
      const access = await getUserAccess(db, session.user.id);
      if (access) return { kind: "user", ...access, sessionId: session.session.id };
    }
    if (kioskSecret) return kioskPrincipal(await kioskTokens.load(hashKioskSecret(kioskSecret)), new Date());
    return ANONYMOUS;
  };
  const resolver = async (headers: Headers): Promise<Principal> => {
    const key = credentialKey(headers);
    if (key === null) return ANONYMOUS;
    // the answer being looked up is shared: screens presenting one token at once cost one look-up
    const known = remembered.get(key);
    if (known) return known;
    const principal = resolve(headers);
    remembered.set(key, principal);
    // a failed look-up (the database is away) is not remembered
    principal.catch(() => void remembered.delete(key));
    return principal;
  };
  return Object.assign(resolver, { forget: () => remembered.clear() });
}

/** The parts of a request that say who it is: null when it carries none. */
function credentialKey(headers: Headers): string | null {
  const authorization = headers.get("authorization") ?? "";
  const session = [...(headers.get("cookie") ?? "").split(";")]
    .map((part) => part.trim())
    .filter(
      (part) => part.startsWith("pulse.") || part.startsWith("__Secure-pulse.") || part.startsWith(`${KIOSK_COOKIE}=`),
    )
    .sort()
    .join(";");
  return authorization || session ? `${authorization}|${session}` : null;
}

/**
 * The client's address. Behind our own web app (a loopback peer) it is the last address the
 * proxy appended to X-Forwarded-For, and so from any peer with `trustProxy` (TRUST_PROXY: the
 * server is reached only through a reverse proxy that appends it); from anywhere else the peer
 * itself (a forwarded header from the open network could be forged).
 */
export function clientIpOf(req: IncomingMessage, trustProxy = false): string | null {
  const peer = req.socket.remoteAddress ?? null;
  const loopback = peer === "127.0.0.1" || peer === "::1" || peer === "::ffff:127.0.0.1";
  const forwarded = req.headers["x-forwarded-for"];
  const last = (Array.isArray(forwarded) ? forwarded.join(",") : forwarded)?.split(",").at(-1)?.trim();
  return (loopback || trustProxy) && last ? last : peer;
}
