import { createHash } from "node:crypto";
import {
  COUNTER_KEYS,
  VALIDATION_MESSAGES,
  countsReport,
  fieldErrorsOf,
  type CountsReport,
  type CsvProblem,
} from "@pulse/schema";

/** The columns a CSV import understands (header row, any order); README "CSV import" documents them. */
export const CSV_COLUMNS = [
  "communeCode",
  "villageCode",
  "asOf",
  "reporter",
  "mode",
  ...COUNTER_KEYS,
  "idempotencyKey",
] as const;
export const CSV_REQUIRED_COLUMNS = ["communeCode", "asOf", "reporter", "mode"] as const;

/** Problems with the header row: unknown columns (a name or ID number would be one) and missing ones. */
export function csvHeaderProblems(header: readonly string[]): CsvProblem[] {
  const known = new Set<string>(CSV_COLUMNS);
  const problems: CsvProblem[] = header
    .filter((name) => !known.has(name))
    .map((column) => ({ line: 1, column, ...VALIDATION_MESSAGES.unknownField }));
  for (const column of CSV_REQUIRED_COLUMNS) {
    if (!header.includes(column)) problems.push({ line: 1, column, ...VALIDATION_MESSAGES.required });
  }
  return problems;
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const NO_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** Times in a file are Vietnam times unless they say otherwise; a date alone means noon that day. */
function vietnamTime(value: string): string {
  if (DATE_ONLY.test(value)) return `${value}T12:00:00+07:00`;
  if (NO_OFFSET.test(value)) return `${value.replace(" ", "T")}+07:00`;
  return value;
}

/**
 * The idempotency key of a row without one: derived from its line number and its content, so
 * importing the same file again (or a corrected copy) counts each unchanged row once.
 */
export function csvRowKey(line: number, record: Readonly<Record<string, string>>): string {
  const content = CSV_COLUMNS.map((column) => record[column] ?? "").join("\u001f");
  const hex = createHash("sha256").update(`csv:${line}:${content}`).digest("hex");
  // Shaped as a version-5-style UUID so the ledger's uuid column and the schema accept it.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Which column a schema path points at. */
function columnOf(field: string): string {
  return field.startsWith("counters.") ? field.slice("counters.".length) : field;
}

/**
 * One CSV record (header → cell) as a counts report, or the problems that stop it. Empty cells
 * are absent values; numbers must be plain digits (no thousands separators).
 */
export function reportFromCsvRecord(
  record: Readonly<Record<string, string>>,
  line: number,
): { report: CountsReport; problems?: undefined } | { report?: undefined; problems: CsvProblem[] } {
  const cell = (column: string) => {
    const value = record[column]?.normalize("NFC").trim();
    return value ? value : undefined;
  };
  const counters: Record<string, number | string> = {};
  for (const key of COUNTER_KEYS) {
    const value = cell(key);
    if (value !== undefined) counters[key] = NUMBER.test(value) ? Number(value) : value;
  }
  const asOf = cell("asOf");
  const parsed = countsReport.safeParse({
    idempotencyKey: cell("idempotencyKey") ?? csvRowKey(line, record),
    communeCode: cell("communeCode"),
    villageCode: cell("villageCode"),
    asOf: asOf === undefined ? undefined : vietnamTime(asOf),
    reporter: cell("reporter"),
    source: "csv",
    mode: cell("mode"),
    counters,
  });
  if (parsed.success) return { report: parsed.data };
  const missing = CSV_REQUIRED_COLUMNS.filter((column) => cell(column) === undefined);
  const problems: CsvProblem[] = missing.map((column) => ({ line, column, ...VALIDATION_MESSAGES.required }));
  for (const e of fieldErrorsOf(parsed.error)) {
    const column = columnOf(e.field);
    if (!missing.some((m) => m === column)) problems.push({ line, column, vi: e.vi, en: e.en });
  }
  return { problems };
}
