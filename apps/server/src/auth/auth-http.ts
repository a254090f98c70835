import { fromNodeHeaders } from "better-auth/node";
import type { IncomingMessage, ServerResponse } from "node:http";
import { RateLimitedError, type RateLimits } from "@pulse/api";
import type { Database } from "@pulse/db/client";
import { writeAudit } from "@pulse/db/queries";
import { ACCESS_MESSAGES } from "@pulse/schema";
import { readBody } from "../http/body";
import { sendJson } from "../http/problem";
import type { Auth } from "./auth";
import { type PrincipalResolver } from "./resolve-principal";

const SIGN_IN_PATH = "/api/auth/sign-in/email";
const SESSION_ENDING = /^\/api\/auth\/(sign-out|revoke-sessions?|revoke-other-sessions|change-password)$/;

async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
}

const emailOf = (body: string): string | null => {
  try {
    const email = (JSON.parse(body) as { email?: unknown }).email;
    return typeof email === "string" ? email.trim().toLowerCase() : null;
  } catch {
    return null;
  }
};

/**
 * `/api/auth/*`, handled by better-auth. Sign-in is throttled per account and per address
 * before the password is checked, and every attempt is audited.
 */
export async function handleAuthRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: {
    auth: Auth;
    db: Database;
    limits: RateLimits;
    webOrigin: string;
    clientIp: string | null;
    resolvePrincipal: PrincipalResolver;
  },
): Promise<void> {
  const body = req.method === "GET" || req.method === "HEAD" ? undefined : await readBody(req, 64 * 1024);
  const path = (req.url ?? "/").split("?")[0];
  const signIn = path === SIGN_IN_PATH && req.method === "POST";
  const email = signIn && body ? emailOf(body) : null;
  const ip = deps.clientIp;
  if (signIn) {
    try {
      await deps.limits.consume("signIn", [...(email ? [`email:${email}`] : []), ...(ip ? [`ip:${ip}`] : [])]);
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      await writeAudit(deps.db, {
        actor: "anonymous",
        action: "auth.sign_in_throttled",
        target: email && `user:${email}`,
        ip,
      });
      const { vi, en } = ACCESS_MESSAGES.tooManyRequests;
      return sendJson(
        res,
        429,
        { error: { vi, en, code: "TOO_MANY_REQUESTS", retryAfterSeconds: error.retryAfterSeconds } },
        {
          "retry-after": String(error.retryAfterSeconds),
        },
      );
    }
  }
  const headers = fromNodeHeaders(req.headers);
  // Browsers send Origin with every POST; a request without it and without cookies is a script.
  // Node's fetch adds `Sec-Fetch-Mode: cors` on its own, which better-auth would take for a
  // browser without an Origin and refuse: scripts (`npm run import`, integrations) sign in like curl.
  if (!headers.has("origin") && !headers.has("cookie")) {
    for (const name of ["sec-fetch-site", "sec-fetch-mode", "sec-fetch-dest"]) headers.delete(name);
  }
  const request = new Request(new URL(req.url ?? "/", deps.webOrigin), { method: req.method ?? "GET", headers, body });
  const response = await deps.auth.handler(request);
  if (signIn) {
    const ok = response.status === 200;
    await writeAudit(deps.db, {
      actor: ok && email ? `user:${email}` : "anonymous",
      action: ok ? "auth.sign_in" : "auth.sign_in_failed",
      target: email && `user:${email}`,
      ip,
      details: { status: response.status },
    });
    if (ok && email) await deps.limits.reset("signIn", `email:${email}`);
  }
  // Signed out, a session revoked, a password changed: no remembered answer may outlive it here.
  if (req.method === "POST" && SESSION_ENDING.test(path ?? "")) deps.resolvePrincipal.forget();
  await sendResponse(res, response);
}
