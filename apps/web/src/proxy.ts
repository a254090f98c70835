import { KIOSK_COOKIE, KIOSK_TOKEN_PREFIX } from "@pulse/schema";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "./env";
import { LOCALE_COOKIE, LOCALE_HEADER, toLocale } from "./i18n/locale";
import { pageSecurityHeaders } from "./server/security-headers";

/** A public address as the browser sees it (behind a reverse proxy, from X-Forwarded-Proto). */
function publicUrl(request: NextRequest): URL {
  const url = new URL(request.url);
  const proto = request.headers.get("x-forwarded-proto");
  if (proto === "https" || proto === "http") url.protocol = `${proto}:`;
  return url;
}

/**
 * Every page: Vietnamese by default (`?lang=en` switches and is remembered), security headers
 * with a per-request CSP nonce, and a TV opened with `?token=cpk_…` gets the token as an
 * httpOnly cookie and the same address without it (so it stays out of history and screenshots).
 */
export function proxy(request: NextRequest) {
  const url = publicUrl(request);
  const token = request.nextUrl.searchParams.get("token");
  if (token?.startsWith(KIOSK_TOKEN_PREFIX)) {
    const clean = request.nextUrl.clone();
    clean.searchParams.delete("token");
    const response = NextResponse.redirect(clean);
    response.cookies.set(KIOSK_COOKIE, token, {
      httpOnly: true,
      sameSite: "lax",
      secure: url.protocol === "https:",
      path: "/",
      maxAge: 400 * 24 * 3600,
    });
    return response;
  }

  const asked = request.nextUrl.searchParams.get("lang");
  const locale = toLocale(asked ?? request.cookies.get(LOCALE_COOKIE)?.value);
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const security = pageSecurityHeaders(url, nonce, env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set(LOCALE_HEADER, locale);
  // Next.js reads the nonce from the request's CSP and puts it on its own scripts.
  headers.set("content-security-policy", security["content-security-policy"] ?? "");
  headers.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers } });
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  // A prefetch of the language link is not a choice: only a real visit switches the language.
  const prefetch = request.headers.has("next-router-prefetch") || request.headers.get("purpose") === "prefetch";
  if (asked && !prefetch)
    response.cookies.set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  return response;
}

export const config = { matcher: ["/((?!_next|trpc|api|favicon.ico|icon.svg).*)"] };
