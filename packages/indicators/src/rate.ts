/**
 * The rounding rule of docs/design.md, in one place: every screen, chart, PDF and API response
 * shows a rate through `rateOf` + `formatRate`.
 */
export type RateKind =
  /** no denominator: nothing can be said */
  | "none"
  /** nothing done: "0%" */
  | "zero"
  /** above zero but would round to 0.0: "<0.1%" */
  | "tiny"
  /** one decimal, half up */
  | "normal"
  /** incomplete work that would round to 100.0: "99.9%" */
  | "almost"
  /** complete: "100%" */
  | "complete"
  /** above 100%: a wrong denominator, shown and flagged, never clamped */
  | "over";

export interface Rate {
  numerator: number;
  denominator: number;
  /** the rate in tenths of a percent, rounded half up (484 for 48.4%); null without a denominator */
  tenths: number | null;
  kind: RateKind;
  /** true when the rate is above 100%: the denominator is wrong and a person must look */
  flagged: boolean;
}

export type Locale = "vi" | "en";

/** Half-up rounding of numerator/denominator to tenths of a percent, in integer arithmetic. */
function roundedTenths(numerator: number, denominator: number): number {
  // floor(n * 1000 / d + 1/2) without floating point error: floor((2000n + d) / 2d)
  return Math.floor((2000 * numerator + denominator) / (2 * denominator));
}

export function rateOf(numerator: number, denominator: number): Rate {
  if (!(denominator > 0)) {
    return { numerator, denominator, tenths: null, kind: "none", flagged: false };
  }
  const base = { numerator, denominator, flagged: false };
  if (numerator <= 0) return { ...base, tenths: 0, kind: "zero" };
  if (numerator === denominator) return { ...base, tenths: 1000, kind: "complete" };
  const tenths = roundedTenths(numerator, denominator);
  if (numerator > denominator) return { ...base, tenths, kind: "over", flagged: true };
  if (tenths === 0) return { ...base, tenths: 0, kind: "tiny" };
  if (tenths >= 1000) return { ...base, tenths: 999, kind: "almost" };
  return { ...base, tenths, kind: "normal" };
}

const intlLocale: Record<Locale, string> = { vi: "vi-VN", en: "en-US" };

const oneDecimal = {
  vi: new Intl.NumberFormat(intlLocale.vi, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat(intlLocale.en, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
} satisfies Record<Locale, Intl.NumberFormat>;

/** "48,4%" in Vietnamese, "48.4%" in English; "—" when there is no denominator. */
export function formatRate(rate: Rate, locale: Locale): string {
  switch (rate.kind) {
    case "none":
      return "—";
    case "zero":
      return "0%";
    case "complete":
      return "100%";
    case "tiny":
      return `<${oneDecimal[locale].format(0.1)}%`;
    default:
      return `${oneDecimal[locale].format((rate.tenths ?? 0) / 10)}%`;
  }
}

/** Convenience for the common case: format numerator/denominator directly. */
export function formatRatio(numerator: number, denominator: number, locale: Locale): string {
  return formatRate(rateOf(numerator, denominator), locale);
}

const integers = {
  vi: new Intl.NumberFormat(intlLocale.vi, { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat(intlLocale.en, { maximumFractionDigits: 0 }),
} satisfies Record<Locale, Intl.NumberFormat>;

/** Counts as people read them: "10.800" in Vietnamese, "10,800" in English. */
export function formatCount(value: number, locale: Locale): string {
  return integers[locale].format(value);
}
