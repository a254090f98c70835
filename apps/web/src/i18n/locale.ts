export const LOCALES = ["vi", "en"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "vi";
/** Set by the proxy from ?lang= or the cookie; read by the request config. */
export const LOCALE_HEADER = "x-pulse-lang";
export const LOCALE_COOKIE = "pulse-lang";

export function toLocale(value: string | null | undefined): AppLocale {
  return LOCALES.find((l) => l === value) ?? DEFAULT_LOCALE;
}
