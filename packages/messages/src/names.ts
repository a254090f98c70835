import type { LocalizedText } from "./problems";

/*
 * Words that come with the data in both languages (unit and campaign names, refusals): the one
 * place a language picks between them. Any locale but Vietnamese reads English.
 */

/** "Phường Cửa Nam" / "Cua Nam Ward". */
export const fullNameIn = (unit: { fullName: string; fullNameEn: string }, locale: string) =>
  locale === "vi" ? unit.fullName : unit.fullNameEn;

/** "Cửa Nam" / "Cua Nam"; also a campaign's name. */
export const nameIn = (unit: { name: string; nameEn: string }, locale: string) =>
  locale === "vi" ? unit.name : unit.nameEn;

/** One language of a `{ vi, en }` text. */
export const textIn = (text: LocalizedText, locale: string) => (locale === "vi" ? text.vi : text.en);

/** What an alert's details hold (as raised): the unit's or the screen's name, the pace figures. */
export interface AlertDetails {
  name?: string | LocalizedText;
  requiredPerDay?: number | null;
  currentPerDay?: number;
}

/**
 * The catalog key under `alerts` and its values for one alert raised or resolved: the account
 * bar's list and the alert emails say it in the same words. `time` formats the "since" moment.
 */
export function alertTextOf(
  notice: { event: "raised" | "resolved"; kind: string; since: Date | null; details: AlertDetails },
  locale: string,
  time: (at: Date) => string,
): { key: string; values: Record<string, string> } {
  const { name: raw } = notice.details;
  const name = typeof raw === "string" ? raw : raw ? textIn(raw, locale) : "";
  if (notice.event === "resolved") return { key: `resolved.${notice.kind}`, values: { name } };
  if (notice.kind === "silent" && !notice.since) return { key: "raised.silentNever", values: { name } };
  if (notice.kind === "behind")
    return {
      key: "raised.behind",
      values: {
        name,
        required: String(notice.details.requiredPerDay ?? "—"),
        current: String(notice.details.currentPerDay ?? 0),
      },
    };
  return { key: `raised.${notice.kind}`, values: { name, since: notice.since ? time(notice.since) : "" } };
}
