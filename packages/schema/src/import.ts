/** A bad cell (or row, or header) of a CSV file: where, and why in both languages. */
export interface CsvProblem {
  /** 1-based line number in the file (the header is line 1) */
  line: number;
  /** the column's name, "counters" for a row without figures, "*" for a broken row */
  column: string;
  vi: string;
  en: string;
}

export interface ImportProgress {
  phase: "validate" | "write";
  /** rows read in this phase */
  rows: number;
  /** valid rows to write (known once validation is done) */
  total: number | null;
  /** rows committed (new or already imported) */
  written: number;
  elapsedMs: number;
}

export interface ImportResult {
  status: "imported" | "rejected";
  rows: number;
  invalidRows: number;
  problems: number;
  /** rows without a figure in any count column (a template row left empty): skipped */
  blank: number;
  /** rows committed by this run */
  imported: number;
  /** rows whose key was already in the ledger: counted before, not again */
  duplicates: number;
  /** of the imported rows, those held as probable typos (awaiting review, not counted yet) */
  held: number;
  elapsedMs: number;
  peakRssBytes: number;
}

/** What the NDJSON stream of `POST /api/v1/imports` carries, one object per line. */
export type ImportEvent =
  | { type: "uploaded"; bytes: number }
  | ({ type: "progress" } & ImportProgress)
  | ({ type: "problem" } & CsvProblem)
  | ({ type: "result" } & ImportResult)
  | { type: "error"; vi: string; en: string; retryable: boolean };

/** What an `.xlsx` upload declares itself as. */
export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
