import { open, rm } from "node:fs/promises";
import type { ImportWriter } from "@pulse/api";
import type { Database } from "@pulse/db/client";
import { VALIDATION_MESSAGES, type ImportResult } from "@pulse/schema";
import { importCsvFile, refusedFile, type ImportOptions } from "./import-csv";
import { xlsxToCsv, type SheetRead } from "./xlsx-file";

export interface ImportFileOptions extends ImportOptions {
  /** the sheet of a workbook to read (by name); the first one when absent */
  sheet?: string;
}

/** What a file is, from its first bytes, whatever its name or declared type says. */
async function fileKindOf(path: string): Promise<"csv" | "xlsx" | "xls"> {
  const file = await open(path, "r");
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(4), 0, 4, 0);
    const magic = buffer.subarray(0, bytesRead).toString("hex");
    // a zip archive (an .xlsx is one); an OLE compound file (Excel 97-2003, or a protected .xlsx)
    return magic === "504b0304" ? "xlsx" : magic === "d0cf11e0" ? "xls" : "csv";
  } finally {
    await file.close();
  }
}

/**
 * The import of an uploaded file, CSV or Excel: a workbook's sheet is first written out as CSV
 * (streaming, its row numbers kept) and then imported like every other CSV file, with every guarantee.
 */
export async function importFile(
  db: Database,
  path: string,
  writer: ImportWriter,
  options: ImportFileOptions,
): Promise<ImportResult> {
  const started = Date.now();
  const kind = await fileKindOf(path);
  if (kind === "csv") return importCsvFile(db, path, writer, options);
  if (kind === "xls") return refusedFile(options, VALIDATION_MESSAGES.legacyExcel, started);
  const csvPath = `${path}.sheet.csv`;
  try {
    let read: SheetRead;
    try {
      read = await xlsxToCsv(path, csvPath, options.sheet);
    } catch {
      return refusedFile(options, VALIDATION_MESSAGES.notXlsx, started);
    }
    if (!read.found) {
      const [missing, found] = [VALIDATION_MESSAGES.sheetNotFound, VALIDATION_MESSAGES.sheetsOfFile];
      const text = (lang: "vi" | "en") =>
        `${missing[lang]} (${options.sheet}); ${found[lang]}: ${read.sheets.join(", ")}`;
      return refusedFile(options, { vi: text("vi"), en: text("en") }, started);
    }
    return await importCsvFile(db, csvPath, writer, options);
  } finally {
    await rm(csvPath, { force: true });
  }
}
