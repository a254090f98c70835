/**
 * Splits a long table into page-sized runs of rows before react-pdf sees it. react-pdf lays out
 * everything left over again for each new page, so one 3,321-row table costs time quadratic in its
 * length; pages of known size keep it linear. The budget is conservative: a page that still
 * overflows (a name on two lines) flows onto the next one rather than losing rows.
 */
export interface RowRun {
  /** first row index, inclusive */
  start: number;
  /** last row index, exclusive */
  end: number;
}

/** A group heading takes about this many rows of height. */
export const HEADING_ROWS = 1.5;

/**
 * Runs of rows for pages holding `rowsPerPage` rows (the first page `firstPageRows`). With
 * `continuedHeadings`, a page that starts inside a group repeats its heading ("… (continued)").
 */
export function pageChunks(
  rowCount: number,
  headingStarts: ReadonlySet<number>,
  {
    rowsPerPage,
    firstPageRows = rowsPerPage,
    continuedHeadings = true,
  }: { rowsPerPage: number; firstPageRows?: number; continuedHeadings?: boolean },
): RowRun[] {
  const runs: RowRun[] = [];
  let start = 0;
  const opening = (row: number) => (continuedHeadings && !headingStarts.has(row) ? HEADING_ROWS : 0);
  let used = opening(0);
  let budget = firstPageRows;
  for (let i = 0; i < rowCount; i++) {
    const cost = 1 + (headingStarts.has(i) ? HEADING_ROWS : 0);
    if (used + cost > budget && i > start) {
      runs.push({ start, end: i });
      start = i;
      used = opening(i);
      budget = rowsPerPage;
    }
    used += cost;
  }
  if (rowCount > start) runs.push({ start, end: rowCount });
  return runs;
}
