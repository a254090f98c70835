import { formatCount, formatRate, targetRateOf, type Locale, type Rate, type UnitIndicators } from "@pulse/indicators";
import { MESSAGES, fullNameIn, nameIn } from "@pulse/messages";
import { createTranslator } from "use-intl/core";
import type { Campaign, ReportLayout } from "./types";

const INTL_LOCALE: Record<Locale, string> = { vi: "vi-VN", en: "en-GB" };
const TIME_ZONE = "Asia/Ho_Chi_Minh";
/** An ISO day as an instant inside that day in Viet Nam, for date formatting. */
const noonOf = (day: string) => new Date(`${day}T12:00:00+07:00`);

/** Numbers, dates and words of one language: the shared indicators' formats and the shared catalog. */
export function formatters(lang: Locale) {
  const t = createTranslator({ locale: lang, messages: MESSAGES[lang] });
  // 26/11/2026 in both languages (en-GB): a table column has room for no more.
  const dayFormat = new Intl.DateTimeFormat(INTL_LOCALE[lang], {
    timeZone: TIME_ZONE,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  });

  const time = new Intl.DateTimeFormat(INTL_LOCALE[lang], { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit" });
  return {
    lang,
    t,
    /** a unit's full name ("Phường Cửa Nam") and its short one ("Cửa Nam"), in the report's language */
    fullName: (u: { fullName: string; fullNameEn: string }) => fullNameIn(u, lang),
    shortName: (u: { name: string; nameEn: string }) => nameIn(u, lang),
    count: (n: number) => formatCount(n, lang),
    rate: (r: Rate) => formatRate(r, lang),
    day: (iso: string) => dayFormat.format(noonOf(iso)),
    /** "26/11": the axis of a chart */
    shortDay: (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}`,
    time: (at: Date) => time.format(at),
    date: (at: Date) => dayFormat.format(at),
    status: (indicators: UnitIndicators) => t(`status.${indicators.pace?.status ?? "none"}`),
  };
}
export type Format = ReturnType<typeof formatters>;

export const upper = (f: Format, text: string) => text.toLocaleUpperCase(f.lang).normalize("NFC");

/** "Hà Nội, ngày 26 tháng 11 năm 2026" / "Hanoi, 26 November 2026". */
export function placeDate(f: Format, place: string, at: Date): string {
  const parts = new Intl.DateTimeFormat(INTL_LOCALE[f.lang], {
    timeZone: TIME_ZONE,
    day: "numeric",
    month: f.lang === "vi" ? "numeric" : "long",
    year: "numeric",
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return f.t("pdf.placeDate", {
    place,
    day: part("day"),
    month: part("month"),
    year: part("year"),
  });
}

export function campaignLine(f: Format, campaign: Campaign): string {
  if (!campaign) return f.t("pdf.noCampaign");
  return f.t("pdf.campaign", {
    name: nameIn(campaign, f.lang),
    start: f.day(campaign.startsOn),
    deadline: f.day(campaign.deadline),
    target: f.rate(targetRateOf(campaign)),
  });
}

export function pageLabelOf(f: Format): ReportLayout["pageLabel"] {
  const marked = f.t("pdf.page", { page: "\u0001", pages: "\u0002" });
  const [before = "", rest = ""] = marked.split("\u0001");
  const [between = "", after = ""] = rest.split("\u0002");
  return { before, between, after };
}
