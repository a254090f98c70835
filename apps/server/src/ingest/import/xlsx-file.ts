import { once } from "node:events";
import { createWriteStream } from "node:fs";
import ExcelJS from "exceljs";
import { isHeaderRow, TITLE_ROWS } from "./csv-row";
import { csvCell, foldName, pad } from "./csv-vocabulary";

/**
 * An Excel date cell as the file's time: Excel keeps no zone (exceljs reads its wall-clock time
 * as UTC) and can read back 1 ms early, so it is rounded to the second and written without a
 * zone, which the import reads as Vietnam time. A date without a time is the date alone (noon).
 */
export function excelTime(value: Date): string {
  const t = new Date(Math.round(value.getTime() / 1000) * 1000);
  const date = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  const [h, m, s] = [t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds()];
  return h === 0 && m === 0 && s === 0 ? date : `${date} ${pad(h)}:${pad(m)}:${pad(s)}`;
}

/** A cell as the text a CSV would hold: a formula's result, a rich text's characters, a link's text. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return excelTime(value);
  if (typeof value !== "object") return String(value);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) return cellText(value.result as ExcelJS.CellValue);
  if ("hyperlink" in value) return value.text;
  if ("error" in value) return value.error;
  return "";
}

export type SheetRead = { found: true } | { found: false; sheets: string[] };

/**
 * A sheet's rows as CSV lines, one per row, empty rows too, so every problem's line number is the
 * row number Excel shows. Title rows above the header become empty lines (when no header shows
 * within the first rows, the first row is taken as it, and named in the problems).
 */
async function writeSheet(rows: AsyncIterable<ExcelJS.Row>, write: (text: string) => Promise<void>) {
  let next = 1;
  // Excel leaves out a row's empty cells at its end: each row gets the header's width
  let width = 0;
  const emit = async (number: number, cells: string[]) => {
    await write("\n".repeat(number - next));
    width ||= cells.length;
    const padded = Array.from({ length: Math.max(width, cells.length) }, (_, i) => cells[i] ?? "");
    await write(`${padded.map(csvCell).join(",")}\n`);
    next = number + 1;
  };
  // rows read while the header is looked for; null once it is found (or given up on)
  let above: { number: number; cells: string[] }[] | null = [];
  for await (const row of rows) {
    const values = row.values as ExcelJS.CellValue[];
    const cells = Array.from({ length: values.length - 1 }, (_, i) => cellText(values[i + 1]));
    if (above && !isHeaderRow(cells) && above.length < TITLE_ROWS) {
      above.push({ number: row.number, cells });
      continue;
    }
    if (above && !isHeaderRow(cells)) for (const title of above) await emit(title.number, title.cells);
    above = null;
    await emit(row.number, cells);
  }
  for (const title of above ?? []) await emit(title.number, title.cells);
}

/**
 * Writes one sheet of a workbook (the first, or the one named, without regard to case or
 * diacritics) to `csvPath` as UTF-8 CSV, streaming (see `writeSheet`).
 */
export async function xlsxToCsv(xlsxPath: string, csvPath: string, sheetName?: string): Promise<SheetRead> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(xlsxPath, {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  const out = createWriteStream(csvPath);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  const sheets: string[] = [];
  let found = false;
  try {
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name?: string }).name ?? `Sheet${sheets.length + 1}`;
      sheets.push(name);
      const wanted = sheetName ? foldName(name) === foldName(sheetName) : sheets.length === 1;
      if (found || !wanted) {
        // read through, unused: exceljs may have spooled a sheet to a temporary file, and a sheet
        // left unread opens it after it is gone (an uncaught ENOENT that would stop the server)
        for await (const _row of sheet) void _row;
        continue;
      }
      found = true;
      await writeSheet(sheet as AsyncIterable<ExcelJS.Row>, write);
    }
  } finally {
    out.end();
    await once(out, "close");
  }
  return found ? { found } : { found, sheets };
}
