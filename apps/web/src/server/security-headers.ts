import { env } from "../env";

/** The live hub's origins (http for socket.io's handshake, ws for its socket) as this page reaches them. */
function liveOrigins(pageUrl: URL): string[] {
  const live = env.PULSE_LIVE_URL
    ? new URL(env.PULSE_LIVE_URL)
    : new URL(`${pageUrl.protocol}//${pageUrl.hostname}:${env.PULSE_LIVE_PORT}`);
  const ws = live.protocol === "https:" ? "wss:" : "ws:";
  return [live.origin, `${ws}//${live.host}`];
}

/**
 * Headers for every page: a nonce-based CSP (no unsafe-eval outside development, no inline
 * script without the nonce), no framing, no referrer to other sites, HSTS behind https.
 */
export function pageSecurityHeaders(pageUrl: URL, nonce: string, development: boolean): Record<string, string> {
  const https = pageUrl.protocol === "https:";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // The field page's service worker (its script is served by this app).
    "worker-src 'self'",
    `connect-src 'self' ${liveOrigins(pageUrl).join(" ")}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
  return {
    "content-security-policy": csp,
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
    ...(https ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
