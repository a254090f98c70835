import { createHash } from "node:crypto";
import {
  COUNTER_KEYS,
  VALIDATION_MESSAGES,
  countsReport,
  fieldErrorsOf,
  type CountsReport,
  type CsvProblem,
} from "@pulse/schema";
import { columnNamed, modeNamed, vietnamTime } from "./csv-vocabulary";

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

/**
 * The header row read: each cell's column key (English or Vietnamese names, any case or
 * diacritics), and the problems that stop the file — an unknown column named alone with the
 * list of known ones (a name or ID number would be one), a column given twice, a missing one.
 */
export function readCsvHeader(header: readonly string[]): { columns: string[]; problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  const known = CSV_COLUMNS.join(", ");
  const columns = header.map((cell) => {
    const column = columnNamed(cell, CSV_COLUMNS);
    if (!column) {
      const { vi, en } = VALIDATION_MESSAGES.unknownColumn;
      problems.push({ line: 1, column: cell, vi: `${vi}: ${known}`, en: `${en}: ${known}` });
    }
    return column ?? cell;
  });
  columns.forEach((column, i) => {
    if (columns.indexOf(column) !== i)
      problems.push({ line: 1, column: header[i] ?? column, ...VALIDATION_MESSAGES.duplicateColumn });
  });
  for (const column of CSV_REQUIRED_COLUMNS) {
    if (!columns.includes(column)) problems.push({ line: 1, column, ...VALIDATION_MESSAGES.required });
  }
  return { columns, problems };
}

const NUMBER = /^-?\d+(\.\d+)?$/;
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
  const asOfCell = cell("asOf");
  const asOf = asOfCell === undefined ? undefined : vietnamTime(asOfCell);
  if (asOf && "rule" in asOf) return { problems: [{ line, column: "asOf", ...VALIDATION_MESSAGES[asOf.rule] }] };
  const mode = cell("mode");
  const parsed = countsReport.safeParse({
    idempotencyKey: cell("idempotencyKey") ?? csvRowKey(line, record),
    communeCode: cell("communeCode"),
    villageCode: cell("villageCode"),
    asOf: asOf?.iso,
    reporter: cell("reporter"),
    source: "csv",
    mode: mode === undefined ? undefined : modeNamed(mode),
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
