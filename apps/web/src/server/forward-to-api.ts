import { MESSAGES } from "@pulse/messages";
import { env } from "../env";
import { apiUnreachable } from "./api-unreachable";

// Origin and Sec-Fetch-Site let the API refuse cross-site changes (CSRF); X-Forwarded-For names
// the client for rate limits and the audit log.
const REQUEST_HEADERS = [
  "content-type",
  "content-length",
  "cookie",
  "accept",
  "trpc-accept",
  "authorization",
  "origin",
  "sec-fetch-site",
  "user-agent",
  "x-forwarded-for",
];
const RESPONSE_HEADERS = [
  "content-type",
  "content-disposition",
  "set-cookie",
  "set-auth-token",
  "retry-after",
  "cache-control",
];

/**
 * The API server is restarting (or not up yet): a 503 the browser retries (an outbox waits as
 * Retry-After says), not a 500 that reads as a fault.
 */
function apiUnavailable(): Response {
  const error = { vi: MESSAGES.vi.problems.apiUnavailable, en: MESSAGES.en.problems.apiUnavailable, fieldErrors: [] };
  return Response.json({ error }, { status: 503, headers: { "retry-after": "5" } });
}

/**
 * The browser talks to its own origin; this forwards a request to the API server (address read
 * at run time: a rewrite in next.config would be frozen at build time). Bodies stream both
 * ways, so a large CSV upload and its progress stream pass through without being buffered.
 */
export async function forwardToApi(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const headers = new Headers();
  for (const name of REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  let upstream: Response;
  try {
    upstream = await fetch(`${env.PULSE_API_URL}${url.pathname}${url.search}`, {
      method: request.method,
      headers,
      body: hasBody ? request.body : undefined,
      // Node's fetch streams a request body only in half-duplex mode.
      ...(hasBody ? { duplex: "half" } : {}),
    } as RequestInit);
  } catch (error) {
    if (!apiUnreachable(error)) throw error;
    return apiUnavailable();
  }
  const responseHeaders = new Headers();
  for (const name of RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value && name !== "set-cookie") responseHeaders.set(name, value);
  }
  // Several cookies come back as several headers: keep each.
  for (const cookie of upstream.headers.getSetCookie()) responseHeaders.append("set-cookie", cookie);
  return new Response(upstream.body, { status: upstream.status, headers: responseHeaders });
}
