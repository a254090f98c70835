import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Transform, type Readable } from "node:stream";
import { isHeaderRow, TITLE_ROWS } from "./csv-row";

/** What a CSV file is made of, read from its first 64 KB. */
export interface CsvFileShape {
  encoding: "utf-8" | "utf-16le" | "utf-16be";
  /** Excel set to Vietnamese saves with semicolons (the decimal mark is a comma); "Unicode text" with tabs */
  delimiter: "," | ";" | "\t";
  /** the header's line: below the title rows (motto, report title, date) an office puts above it */
  headerLine: number;
}

const SAMPLE_BYTES = 64 * 1024;
const DELIMITERS = [",", ";", "\t"] as const;

/** How often each candidate delimits the first line, outside quotes (a `01/08/2025` never votes). */
function delimiterOf(text: string): CsvFileShape["delimiter"] {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  return DELIMITERS.reduce((best, d) => ((counts.get(d) ?? 0) > (counts.get(best) ?? 0) ? d : best), DELIMITERS[0]);
}

/** A line's cells by a candidate delimiter, quotes taken off (only to recognise a header). */
const cellsOf = (line: string, delimiter: string) =>
  line.split(delimiter).map((cell) => cell.trim().replace(/^"(.*)"$/, "$1"));

/**
 * The header (the first of the first lines that names two known columns by one of the
 * delimiters), or the first line with the delimiter it has most of.
 */
function headerOf(text: string): Pick<CsvFileShape, "delimiter" | "headerLine"> {
  const lines = text.split(/\r\n|\n|\r/, TITLE_ROWS + 1);
  for (const [i, line] of lines.entries()) {
    const delimiter = DELIMITERS.find((d) => isHeaderRow(cellsOf(line, d)));
    if (delimiter) return { delimiter, headerLine: i + 1 };
  }
  return { delimiter: delimiterOf(text), headerLine: 1 };
}

/**
 * The encoding (a UTF-16 byte-order mark, else UTF-8), the delimiter and the header's line of a
 * file; null when its start is not UTF-8 — a legacy Vietnamese encoding (TCVN3, Windows-1258)
 * would be read as mojibake (a broken byte further on is named with its line: `reportFromCsvRecord`).
 */
export async function csvFileShape(path: string): Promise<CsvFileShape | null> {
  const file = await open(path, "r");
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await file.read(buffer, 0, SAMPLE_BYTES, 0);
    const sample = buffer.subarray(0, bytesRead);
    const encoding =
      sample[0] === 0xff && sample[1] === 0xfe
        ? "utf-16le"
        : sample[0] === 0xfe && sample[1] === 0xff
          ? "utf-16be"
          : "utf-8";
    let text: string;
    try {
      // stream: a character cut at the end of the sample is not an error
      text = new TextDecoder(encoding, { fatal: true }).decode(sample, { stream: true });
    } catch {
      return null;
    }
    return { encoding, ...headerOf(text.replace(/^\uFEFF/, "")) };
  } finally {
    await file.close();
  }
}

/** The file's bytes, as text when it is UTF-16 (csv-parse reads UTF-8 bytes itself). */
export function csvFileStream(path: string, shape: CsvFileShape): Readable {
  const bytes = createReadStream(path);
  if (shape.encoding === "utf-8") return bytes;
  const decoder = new TextDecoder(shape.encoding);
  return bytes.pipe(
    new Transform({
      readableObjectMode: false,
      transform(chunk: Buffer, _encoding, done) {
        done(null, decoder.decode(chunk, { stream: true }));
      },
      flush(done) {
        done(null, decoder.decode());
      },
    }),
  );
}
