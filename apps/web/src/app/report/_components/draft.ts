import type { CountsReport, FieldError } from "@pulse/schema";
import { COUNTER_KEYS } from "@pulse/schema/keys";

/**
 * The server's schemas, loaded once the page is interactive (they are the largest part of the
 * page's script, and nothing needs them before the first "review"); kept by the service worker.
 */
export const loadSchemas = () => import("@pulse/schema");

/** What the form holds: text as typed, so a half-typed number is not lost. */
export interface DraftValues {
  counters: Record<(typeof COUNTER_KEYS)[number], string>;
  /** a datetime-local value, the phone's local time */
  asOf: string;
  reporter: string;
}

const EMPTY_COUNTERS = Object.fromEntries(COUNTER_KEYS.map((key) => [key, ""])) as DraftValues["counters"];

/** A new report's form: no figures, now, and the team remembered on this phone. */
export const emptyDraft = (reporter: string): DraftValues => ({
  counters: EMPTY_COUNTERS,
  asOf: toLocalInput(new Date()),
  reporter,
});

const pad = (n: number) => String(n).padStart(2, "0");

/** A moment as a datetime-local value in the phone's time zone ("2026-12-02T09:30"). */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A version 4 UUID, also where `crypto.randomUUID` is missing (a page served over plain HTTP on a LAN). */
export function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The report the form describes, checked with the server's own schema: the same field errors
 * (vi and en) as the server would answer. Empty counters are left out; the key is made by the caller.
 */
export async function reportOfDraft(
  values: DraftValues,
  place: { communeCode: string; villageCode: string | null },
  idempotencyKey: string,
): Promise<{ report: CountsReport; errors: null } | { report: null; errors: FieldError[] }> {
  const { countsReport, fieldErrorsOf } = await loadSchemas();
  const counters = Object.fromEntries(
    COUNTER_KEYS.flatMap((key) => {
      const text = values.counters[key].trim();
      return text === "" ? [] : [[key, /^\d+$/.test(text) ? Number(text) : Number.NaN]];
    }),
  );
  const asOf = new Date(values.asOf);
  const parsed = countsReport.safeParse({
    idempotencyKey,
    communeCode: place.communeCode,
    ...(place.villageCode ? { villageCode: place.villageCode } : {}),
    asOf: Number.isNaN(asOf.getTime()) ? values.asOf : asOf.toISOString(),
    reporter: values.reporter,
    source: "field",
    mode: "increment",
    counters,
  });
  return parsed.success ? { report: parsed.data, errors: null } : { report: null, errors: fieldErrorsOf(parsed.error) };
}

/** A kept report back in the form (to fix one the server refused). */
export function draftOfReport(report: CountsReport): DraftValues {
  const counters = { ...EMPTY_COUNTERS };
  for (const key of COUNTER_KEYS) {
    const value = report.counters[key];
    if (value !== undefined) counters[key] = String(value);
  }
  return { counters, asOf: toLocalInput(new Date(report.asOf)), reporter: report.reporter };
}
