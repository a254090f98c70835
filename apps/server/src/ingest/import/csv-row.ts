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
/** Names beside the codes (the template has them, so a person can read it): read, never imported. */
export const CSV_NAME_COLUMNS = ["communeName", "villageName"] as const;
export const KNOWN_COLUMNS = [...CSV_COLUMNS, ...CSV_NAME_COLUMNS];

/**
 * The header row read: each cell's column key (English or Vietnamese names, any case or
 * diacritics), and the problems that stop the file — an unknown column named alone with the
 * list of known ones (a name or ID number would be one), a column given twice, a missing one.
 */
/** Rows a file may have above its header: the national motto, the report's title, a date line. */
export const TITLE_ROWS = 10;

/** The header is the first row naming two columns the import knows. */
export const isHeaderRow = (cells: readonly string[]) =>
  cells.filter((cell) => cell && columnNamed(cell, KNOWN_COLUMNS)).length >= 2;

/** The header row (on `line` of the file: below any title rows) as columns, and what is wrong with it. */
export function readCsvHeader(header: readonly string[], line = 1): { columns: string[]; problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  const known = KNOWN_COLUMNS.join(", ");
  const columns = header.map((cell) => {
    const column = columnNamed(cell, KNOWN_COLUMNS);
    if (!column) {
      const { vi, en } = VALIDATION_MESSAGES.unknownColumn;
      problems.push({ line, column: cell, vi: `${vi}: ${known}`, en: `${en}: ${known}` });
    }
    return column ?? cell;
  });
  columns.forEach((column, i) => {
    if (columns.indexOf(column) !== i)
      problems.push({ line, column: header[i] ?? column, ...VALIDATION_MESSAGES.duplicateColumn });
  });
  for (const column of CSV_REQUIRED_COLUMNS) {
    if (!columns.includes(column)) problems.push({ line, column, ...VALIDATION_MESSAGES.required });
  }
  return { columns, problems };
}

const NUMBER = /^-?\d+(\.\d+)?$/;
/** the common case, first */
const DIGITS = /^\d+$/;
/** `1.234` or `12.345.678`: a Vietnamese thousands separator — a count is whole, so never a decimal */
const THOUSANDS = /^\d{1,3}(\.\d{3})+$/;
/** A commune code Excel stored as a number (`82` for `00082`) gets its leading zeros back. */
const SHORT_CODE = /^\d{1,4}$/;

/**
 * A count cell as a number where it is one, null when it is ambiguous: `1.234` is a thousand and
 * more only in a file whose decimal mark is the comma (semicolon-separated, as Vietnamese Excel
 * saves) or with two dots or more; elsewhere it could be a decimal. Anything else is left for
 * the schema to name.
 */
function countOf(value: string, decimalComma: boolean): number | string | null {
  if (DIGITS.test(value)) return Number(value);
  if (THOUSANDS.test(value)) {
    return decimalComma || value.indexOf(".") !== value.lastIndexOf(".") ? Number(value.replaceAll(".", "")) : null;
  }
  return NUMBER.test(value) ? Number(value) : value;
}

/**
 * The idempotency key of a row without one: derived from its line number and its content, so
 * importing the same file again (or a corrected copy) counts each unchanged row once.
 */
export function csvRowKey(line: number, record: Readonly<Record<string, string>>): string {
  // CSV_COLUMNS only (not the name columns): keys of files imported before names were read stay the same
  const content = CSV_COLUMNS.map((column) => record[column] ?? "").join("\u001f");
  const hex = createHash("sha256").update(`csv:${line}:${content}`).digest("hex");
  // Shaped as a version-5-style UUID so the ledger's uuid column and the schema accept it.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Which column a schema path points at. */
function columnOf(field: string): string {
  return field.startsWith("counters.") ? field.slice("counters.".length) : field;
}

export type CsvRecordRead =
  | { report: CountsReport; problems?: undefined; blank?: undefined }
  | { report?: undefined; problems: CsvProblem[]; blank?: undefined }
  /** no figure in any count column (a template row left as it was): skipped, and counted */
  | { report?: undefined; problems?: undefined; blank: true };

/**
 * One CSV record (header → cell) as a counts report, the problems that stop it, or blank. Empty
 * cells are absent values; counts are digits, with `.` between thousands where unambiguous.
 */
export function reportFromCsvRecord(
  record: Readonly<Record<string, string>>,
  line: number,
  { decimalComma = false } = {},
): CsvRecordRead {
  const cell = (column: string) => {
    const value = record[column]?.normalize("NFC").trim();
    return value ? value : undefined;
  };
  // csv-parse reads a byte that is not UTF-8 as U+FFFD: a legacy encoding past the part sampled
  const broken = Object.keys(record).filter((column) => record[column]?.includes("\uFFFD"));
  if (broken.length > 0)
    return { problems: broken.map((column) => ({ line, column, ...VALIDATION_MESSAGES.notUtf8 })) };
  const counters: Record<string, number | string> = {};
  const early: CsvProblem[] = [];
  for (const key of COUNTER_KEYS) {
    const value = cell(key);
    const count = value === undefined ? undefined : countOf(value, decimalComma);
    if (count === null) early.push({ line, column: key, ...VALIDATION_MESSAGES.ambiguousNumber });
    else if (count !== undefined) counters[key] = count;
  }
  if (early.length === 0 && Object.keys(counters).length === 0) return { blank: true };
  const communeCode = cell("communeCode");
  const asOfCell = cell("asOf");
  const asOf = asOfCell === undefined ? undefined : vietnamTime(asOfCell);
  if (asOf && "rule" in asOf) early.push({ line, column: "asOf", ...VALIDATION_MESSAGES[asOf.rule] });
  if (early.length > 0) return { problems: early };
  const mode = cell("mode");
  const parsed = countsReport.safeParse({
    idempotencyKey: cell("idempotencyKey") ?? csvRowKey(line, record),
    communeCode: communeCode && SHORT_CODE.test(communeCode) ? communeCode.padStart(5, "0") : communeCode,
    villageCode: cell("villageCode"),
    asOf: asOf && "iso" in asOf ? asOf.iso : undefined,
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
