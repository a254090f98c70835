import { Page, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { AnnexGroup, TableLayout } from "../report-layout";
import { DataTable } from "./data-table";
import { pageChunks, type RowRun } from "./page-chunks";
import { PAGE, styles } from "./styles";

/** Rows of a table an A4 page holds (12 pt each under a two-line header), with room to spare. */
const ROWS_PER_PAGE = 56;
/** What the title above a table takes on its first page, in rows. */
const TITLE_ROWS = 4;

/** Each page's headings: the groups starting on it, and the group it continues at its top. */
function headingsOf(run: RowRun, groups: AnnexGroup[]): Map<number, string> {
  const headings = new Map<number, string>();
  for (const group of groups) {
    if (group.start >= run.start && group.start < run.end) headings.set(group.start - run.start, group.heading);
  }
  const current = groups.findLast((g) => g.start <= run.start);
  if (!headings.has(0) && current) headings.set(0, current.continued);
  return headings;
}

/**
 * A long table on pages cut in advance (see page-chunks): the title on the first, the header row
 * on each, the total on the last, then what follows it (`after`, about `afterRows` rows high) on
 * that page when it fits, else on a page of its own.
 */
export function TablePages({
  title,
  table,
  groups = [],
  footer,
  after,
  afterRows = 0,
}: {
  title: ReactNode;
  table: TableLayout;
  groups?: AnnexGroup[];
  footer: ReactNode;
  after?: ReactNode;
  afterRows?: number;
}) {
  const runs = pageChunks(table.rows.length, new Set(groups.map((g) => g.start)), {
    rowsPerPage: ROWS_PER_PAGE,
    firstPageRows: ROWS_PER_PAGE - TITLE_ROWS,
    continuedHeadings: groups.length > 0,
  });
  const last = runs.at(-1);
  const afterFits =
    last !== undefined && last.end - last.start + 1 + afterRows <= ROWS_PER_PAGE - (runs.length === 1 ? TITLE_ROWS : 0);
  // Not wrapped (react-pdf would lay each page out again to split it); such a page is as tall as
  // its content, so the content box is given the A4 height.
  const page = (key: number, children: ReactNode) => (
    <Page key={key} size="A4" style={styles.page} wrap={false}>
      <View style={{ height: PAGE.height - PAGE.top - PAGE.bottom }}>{children}</View>
      {footer}
    </Page>
  );
  return (
    <>
      {runs.map((run, i) =>
        page(
          run.start,
          <>
            {i === 0 ? title : null}
            <DataTable
              table={{
                ...table,
                rows: table.rows.slice(run.start, run.end),
                total: run === last ? table.total : null,
              }}
              headings={headingsOf(run, groups)}
            />
            {run === last && afterFits ? after : null}
          </>,
        ),
      )}
      {after && !afterFits ? (
        <Page size="A4" style={styles.page}>
          {after}
          {footer}
        </Page>
      ) : null}
    </>
  );
}
