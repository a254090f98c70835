import { NextResponse, type NextRequest } from "next/server";
import { LOCALE_COOKIE, LOCALE_HEADER, toLocale } from "./i18n/locale";

/** Vietnamese by default; `?lang=en` switches and is remembered in a cookie. */
export function proxy(request: NextRequest) {
  const asked = request.nextUrl.searchParams.get("lang");
  const locale = toLocale(asked ?? request.cookies.get(LOCALE_COOKIE)?.value);
  const headers = new Headers(request.headers);
  headers.set(LOCALE_HEADER, locale);
  const response = NextResponse.next({ request: { headers } });
  if (asked) response.cookies.set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  return response;
}

export const config = { matcher: ["/((?!_next|trpc|api|favicon.ico).*)"] };
