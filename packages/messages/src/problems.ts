import { IntlMessageFormat } from "intl-messageformat";
import en from "./en.json";
import vi from "./vi.json";

/** Words in both languages, travelling together as data (never joined into one string). */
export interface LocalizedText {
  vi: string;
  en: string;
}

export type ProblemKey = keyof typeof vi.problems;

/** Why a request was refused or failed, from the catalog's `problems` section, in both languages. */
export function problemText(key: ProblemKey, values?: Record<string, string | number>): LocalizedText {
  const format = (text: string, locale: string) => String(new IntlMessageFormat(text, locale).format(values));
  return { vi: format(vi.problems[key], "vi"), en: format(en.problems[key], "en") };
}
