import { Page, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { AnnexGroup, AnnexLayout } from "../report-layout";
import { DataTable } from "./data-table";
import { pageChunks, type RowRun } from "./page-chunks";
import { PAGE, styles } from "./styles";

/** Rows of the annex table an A4 page holds (12 pt each under a two-line header), with room to spare. */
const ROWS_PER_PAGE = 56;
const FIRST_PAGE_ROWS = 52;

/** Each page's headings: the groups starting on it, and the group it continues at its top. */
function headingsOf(run: RowRun, groups: AnnexGroup[]): Map<number, string> {
  const headings = new Map<number, string>();
  for (const group of groups) {
    if (group.start >= run.start && group.start < run.end) headings.set(group.start - run.start, group.heading);
  }
  if (!headings.has(0)) {
    const current = groups.findLast((g) => g.start <= run.start);
    if (current) headings.set(0, current.continued);
  }
  return headings;
}

/** The nation's annex: every commune of the country, on pages cut in advance (see page-chunks). */
export function AnnexPages({ annex, footer }: { annex: AnnexLayout; footer: ReactNode }) {
  const runs = pageChunks(annex.table.rows.length, new Set(annex.groups.map((g) => g.start)), {
    rowsPerPage: ROWS_PER_PAGE,
    firstPageRows: FIRST_PAGE_ROWS,
  });
  return runs.map((run, i) => (
    // Not wrapped (react-pdf would lay each page out again to split it); such a page is as tall as
    // its content, so the content box is given the A4 height.
    <Page key={run.start} size="A4" style={styles.page} wrap={false}>
      <View style={{ height: PAGE.height - PAGE.top - PAGE.bottom }}>
        {i === 0 ? (
          <>
            <Text style={styles.sectionTitle}>{annex.title}</Text>
            <Text style={[styles.note, { marginBottom: 6, marginTop: 0 }]}>{annex.intro}</Text>
          </>
        ) : null}
        <DataTable
          table={{ ...annex.table, rows: annex.table.rows.slice(run.start, run.end) }}
          headings={headingsOf(run, annex.groups)}
        />
      </View>
      {footer}
    </Page>
  ));
}
