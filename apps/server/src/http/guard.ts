import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Headers on every API response: nothing here is a page, so nothing may be framed, sniffed or
 * run; HSTS when the browser reached us over https.
 */
export function setSecurityHeaders(res: ServerResponse, webOrigin: string): void {
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("referrer-policy", "no-referrer");
  res.setHeader("x-frame-options", "DENY");
  res.setHeader("content-security-policy", "default-src 'none'; frame-ancestors 'none'");
  res.setHeader("cross-origin-resource-policy", "same-site");
  if (webOrigin.startsWith("https:")) res.setHeader("strict-transport-security", "max-age=31536000; includeSubDomains");
}

/**
 * CORS for the configured web origin only (the browser normally reaches us through the web
 * app, same-origin). Answers preflights itself; returns true when the request was answered.
 */
export function handleCors(req: IncomingMessage, res: ServerResponse, webOrigin: string): boolean {
  const origin = req.headers.origin;
  if (origin === webOrigin) {
    res.setHeader("access-control-allow-origin", webOrigin);
    res.setHeader("access-control-allow-credentials", "true");
    res.setHeader("vary", "Origin");
  }
  if (req.method !== "OPTIONS") return false;
  if (origin === webOrigin) {
    res.setHeader("access-control-allow-methods", "GET, POST");
    res.setHeader("access-control-allow-headers", "content-type, authorization, trpc-accept, x-trpc-source");
    res.setHeader("access-control-max-age", "600");
    res.writeHead(204).end();
  } else res.writeHead(403).end();
  return true;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for cookie-authenticated changes: a browser always says where a request came
 * from (Origin, Sec-Fetch-Site); one from another site is refused. A request with a bearer
 * token cannot be forged by a page, and scripts without cookies are not at risk.
 */
export function isCrossSiteChange(req: IncomingMessage, webOrigin: string): boolean {
  if (SAFE_METHODS.has(req.method ?? "GET")) return false;
  if (!req.headers.cookie || req.headers.authorization) return false;
  const origin = req.headers.origin;
  if (origin) return origin !== webOrigin;
  const site = req.headers["sec-fetch-site"];
  return site !== undefined && site !== "same-origin" && site !== "none";
}
