import {
  formatCount,
  formatRate,
  rateOf,
  type Locale,
  type PaceStatus,
  type Rate,
  type UnitIndicators,
} from "@pulse/indicators";
import { MESSAGES } from "@pulse/messages";
import { createTranslator } from "use-intl/core";
import type { Campaign, ReportLayout, Unit } from "./types";

const INTL_LOCALE: Record<Locale, string> = { vi: "vi-VN", en: "en-GB" };
const TIME_ZONE = "Asia/Ho_Chi_Minh";
/** An ISO day as an instant inside that day in Viet Nam, for date formatting. */
const noonOf = (day: string) => new Date(`${day}T12:00:00+07:00`);
export const STATUSES: readonly PaceStatus[] = ["done", "on_track", "at_risk", "behind"];

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
    t,
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

export const upper = (text: string, lang: Locale) => text.toLocaleUpperCase(lang).normalize("NFC");
export const tenthsOf = (rate: Rate) => rate.tenths;

export function placeDate(f: Format, lang: Locale, place: string, at: Date): string {
  const parts = new Intl.DateTimeFormat(INTL_LOCALE[lang], {
    timeZone: TIME_ZONE,
    day: "numeric",
    month: lang === "vi" ? "numeric" : "long",
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

export function campaignLine(f: Format, lang: Locale, campaign: Campaign): string {
  if (!campaign) return f.t("pdf.noCampaign");
  return f.t("pdf.campaign", {
    name: lang === "vi" ? campaign.name : campaign.nameEn,
    start: f.day(campaign.startsOn),
    deadline: f.day(campaign.deadline),
    target: targetText(campaign.targetRate, lang),
  });
}

/** A campaign's target share (0..1) written as the rates are. */
export const targetText = (targetRate: number, lang: Locale) =>
  formatRate(rateOf(Math.round(targetRate * 1000), 1000), lang);

export const unitName = (u: Pick<Unit, "fullName" | "fullNameEn">, lang: Locale) =>
  lang === "vi" ? u.fullName : u.fullNameEn;

export function pageLabelOf(f: Format): ReportLayout["pageLabel"] {
  const marked = f.t("pdf.page", { page: "\u0001", pages: "\u0002" });
  const [before = "", rest = ""] = marked.split("\u0001");
  const [between = "", after = ""] = rest.split("\u0002");
  return { before, between, after };
}
