import en from "./en.json";
import vi from "./vi.json";

/**
 * The one message catalog of the product, in ICU format: the web app's screens and the
 * server's PDFs read the same wording.
 */
export type Messages = typeof vi;
export const CATALOG_LOCALES = ["vi", "en"] as const;
export type CatalogLocale = (typeof CATALOG_LOCALES)[number];
export const MESSAGES: Record<CatalogLocale, Messages> = { vi, en };
export { problemText, type LocalizedText, type ProblemKey } from "./problems";
export { alertTextOf, fullNameIn, nameIn, textIn, type AlertDetails } from "./names";
