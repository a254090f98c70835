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
