import type { ImportWriter } from "@pulse/api";
import type { Database } from "@pulse/db/client";
import { loadUnitIndex, type UnitIndex } from "@pulse/db/queries";
import {
  VALIDATION_MESSAGES,
  type CountsReport,
  type CsvProblem,
  type ImportProgress,
  type ImportResult,
} from "@pulse/schema";
import { parse, type CsvError } from "csv-parse";
import { csvFileShape, csvFileStream, type CsvFileShape } from "./csv-file";
import { readCsvHeader, reportFromCsvRecord } from "./csv-row";

export interface ImportOptions {
  /** import the good rows and report the bad ones, instead of writing nothing */
  skipInvalid: boolean;
  /** rows per transaction */
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** every problem found, as it is found (a file can have millions: they are not kept) */
  onProblem?: (problem: CsvProblem) => void;
}

const PROGRESS_EVERY_MS = 250;

/** A file refused as a whole (its encoding, its kind, a sheet it lacks): one problem, nothing read. */
export function refusedFile(options: ImportOptions, reason: { vi: string; en: string }, started: number): ImportResult {
  options.onProblem?.({ line: 1, column: "*", ...reason });
  const result = { rows: 0, invalidRows: 0, problems: 1, blank: 0, imported: 0, duplicates: 0, held: 0 };
  return { status: "rejected", ...result, elapsedMs: Date.now() - started, peakRssBytes: process.memoryUsage.rss() };
}

interface CsvRow {
  record: Record<string, string>;
  line: number;
}

/**
 * Streams the file's records (keyed by column, whatever language the header is in) with their
 * line numbers; structural errors become problems.
 */
async function* csvRows(
  path: string,
  shape: CsvFileShape,
  onHeader: (header: ReturnType<typeof readCsvHeader> & { cells: string[] }) => void,
  onBroken: (p: CsvProblem) => void,
) {
  const parser = csvFileStream(path, shape).pipe(
    parse({
      bom: true,
      delimiter: shape.delimiter,
      from_line: shape.headerLine,
      trim: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      relax_column_count: true,
      info: true,
      columns: (cells: string[]) => {
        const header = readCsvHeader(cells, shape.headerLine);
        onHeader({ ...header, cells });
        return header.columns;
      },
    }),
  );
  let uneven = 0;
  parser.on("skip", (error: CsvError) => {
    onBroken({ line: Number(error.lines), column: "*", ...VALIDATION_MESSAGES.malformedLine });
  });
  for await (const { record, info } of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number; invalid_field_length: number };
  }>) {
    const row: CsvRow = { record, line: info.lines };
    // csv-parse counts records whose length differs from the header; this one did if the count moved.
    if (info.invalid_field_length !== uneven) {
      uneven = info.invalid_field_length;
      onBroken({ line: info.lines, column: "*", ...VALIDATION_MESSAGES.cellCount });
      continue;
    }
    yield row;
  }
}

/**
 * Imports a CSV file of counts reports in two streamed passes (constant memory, any size):
 * first every row is validated, against the schema and the geography, and nothing is written
 * if any is bad (unless `skipInvalid`); then the good rows are written in batches through the
 * ingest service as every other way in (`writer`, which also tells the live hub). Keys come from each row's line and content, so a
 * re-run (after a crash, or of the same file) counts nothing twice.
 */
export async function importCsvFile(
  db: Database,
  path: string,
  writer: ImportWriter,
  options: ImportOptions,
): Promise<ImportResult> {
  const started = Date.now();
  const batchSize = options.batchSize ?? 5000;
  let peakRssBytes = process.memoryUsage.rss();
  let lastProgress = 0;
  const progress = (p: Omit<ImportProgress, "elapsedMs">, force = false) => {
    const now = Date.now();
    if (!force && now - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = now;
    peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss());
    options.onProgress?.({ ...p, elapsedMs: now - started });
  };

  const shape = await csvFileShape(path);
  if (!shape) return refusedFile(options, VALIDATION_MESSAGES.notUtf8, started);
  const units = await loadUnitIndex(db);
  const badLines = new Set<number>();
  let problems = 0;
  let headerBroken = false;
  // problems name a column as the file's header does ("Mã xã", not communeCode)
  const headerName = new Map<string, string>();
  const problem = (p: CsvProblem) => {
    problems += 1;
    badLines.add(p.line);
    options.onProblem?.({ ...p, column: headerName.get(p.column) ?? p.column });
  };
  const onHeader = (header: ReturnType<typeof readCsvHeader> & { cells: string[] }) => {
    header.columns.forEach((column, i) => headerName.set(column, header.cells[i] ?? column));
    headerBroken = header.problems.length > 0;
    header.problems.forEach(problem);
  };

  let rows = 0;
  let blank = 0;
  const brokenRow = (p: CsvProblem) => {
    rows += 1;
    problem(p);
  };
  for await (const { record, line } of csvRows(path, shape, onHeader, brokenRow)) {
    rows += 1;
    if (headerBroken) break;
    const parsed = reportFromCsvRecord(record, line, { decimalComma: shape.delimiter === ";" });
    if (parsed.blank) blank += 1;
    else if (parsed.problems) parsed.problems.forEach(problem);
    else for (const p of referenceProblems(parsed.report, line, units, writer.mayWrite)) problem(p);
    progress({ phase: "validate", rows, total: null, written: 0 });
  }
  const invalidRows = badLines.size;
  const result = { rows, invalidRows, problems, blank, imported: 0, duplicates: 0, held: 0 };
  if (headerBroken || (problems > 0 && !options.skipInvalid)) {
    return { status: "rejected", ...result, elapsedMs: Date.now() - started, peakRssBytes };
  }

  const total = rows - invalidRows - blank;
  const report = (seen: number) =>
    progress({ phase: "write", rows: seen, total, written: result.imported + result.duplicates });
  const seen = await writeGoodRows(path, shape, badLines, writer, batchSize, (receipts, seenRows) => {
    for (const receipt of receipts) {
      if (receipt.duplicate) result.duplicates += 1;
      else result.imported += 1;
      if (!receipt.duplicate && receipt.review === "held") result.held += 1;
    }
    if (seenRows !== null) report(seenRows);
  });
  progress({ phase: "write", rows: seen, total, written: result.imported + result.duplicates }, true);
  return { status: "imported", ...result, elapsedMs: Date.now() - started, peakRssBytes };
}

/**
 * The second pass: the rows that passed validation, written in batches; one batch is written
 * while the next is parsed, so the database and this process work side by side. Returns the
 * number of rows read.
 */
async function writeGoodRows(
  path: string,
  shape: CsvFileShape,
  badLines: ReadonlySet<number>,
  writer: ImportWriter,
  batchSize: number,
  onProgress: (receipts: Awaited<ReturnType<ImportWriter["write"]>>, seenRows: number | null) => void,
): Promise<number> {
  let batch: CountsReport[] = [];
  let seen = 0;
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    await writing;
    const pending = writer.write(batch).then((receipts) => onProgress(receipts, null));
    // Handled now, thrown at the next await: a failure while the next batch is parsed must not
    // become an unhandled rejection (that would stop the server).
    pending.catch(() => undefined);
    writing = pending;
    batch = [];
  };
  for await (const { record, line } of csvRows(
    path,
    shape,
    () => undefined,
    () => undefined,
  )) {
    seen += 1;
    if (badLines.has(line)) continue;
    const { report } = reportFromCsvRecord(record, line, { decimalComma: shape.delimiter === ";" });
    if (!report) continue;
    batch.push(report);
    if (batch.length >= batchSize) await flush();
    onProgress([], seen);
  }
  await flush();
  await writing;
  return seen;
}

function referenceProblems(
  report: CountsReport,
  line: number,
  units: UnitIndex,
  mayWrite: ImportWriter["mayWrite"],
): CsvProblem[] {
  const found: CsvProblem[] = [];
  if (!units.communes.has(report.communeCode)) {
    found.push({ line, column: "communeCode", ...VALIDATION_MESSAGES.unknownCommune });
  } else if (!mayWrite(report.communeCode)) {
    found.push({ line, column: "communeCode", ...VALIDATION_MESSAGES.outOfScope });
  }
  if (report.villageCode) {
    const commune = units.villages.get(report.villageCode);
    if (commune === undefined) found.push({ line, column: "villageCode", ...VALIDATION_MESSAGES.unknownVillage });
    else if (commune !== report.communeCode && units.communes.has(report.communeCode)) {
      found.push({ line, column: "villageCode", ...VALIDATION_MESSAGES.villageOfOtherCommune });
    }
  }
  return found;
}
