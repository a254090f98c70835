import { StyleSheet, Text, View } from "@react-pdf/renderer";
import type { Cell, Column, TableLayout } from "../report-layout";
import { RULE, TONE_TEXT } from "./styles";

const s = StyleSheet.create({
  table: { fontSize: 7, lineHeight: 1.25, borderTopWidth: 0.75, borderTopColor: "#0f172a" },
  row: { flexDirection: "row", borderBottomWidth: 0.4, borderBottomColor: RULE, paddingVertical: 1.5 },
  head: { fontWeight: 700, backgroundColor: "#f1f5f9", borderBottomWidth: 0.75, borderBottomColor: "#0f172a" },
  total: { fontWeight: 700, borderTopWidth: 0.75, borderTopColor: "#0f172a" },
  group: { fontWeight: 700, fontSize: 8, paddingTop: 6, paddingBottom: 2, paddingHorizontal: 2 },
  cell: { paddingHorizontal: 2 },
});

function cellStyle(column: Column) {
  return [
    s.cell,
    column.width === "rest" ? { flexGrow: 1, flexBasis: 0 } : { width: column.width },
    { textAlign: column.align },
  ];
}

function Row({ columns, cells }: { columns: Column[]; cells: Cell[] }) {
  return (
    <>
      {columns.map((column, i) => {
        const cell = cells[i];
        const tone = cell?.tone && cell.tone !== "none" ? { color: TONE_TEXT[cell.tone] } : {};
        return (
          <Text key={i} style={[...cellStyle(column), tone]}>
            {cell?.text ?? ""}
          </Text>
        );
      })}
    </>
  );
}

/**
 * A table that continues across pages: its header row repeats at the top of each page it
 * reaches, and no row is ever cut in two. A group heading stays with the row under it.
 */
export function DataTable({ table, headings }: { table: TableLayout; headings?: ReadonlyMap<number, string> }) {
  const header = table.columns.map((c) => ({ text: c.label }));
  return (
    <View style={s.table}>
      <View fixed style={[s.row, s.head]}>
        <Row columns={table.columns} cells={header} />
      </View>
      {table.rows.map((cells, i) => {
        const heading = headings?.get(i);
        // One view per row: the annex has 3,321 of them, and react-pdf's time grows with every node.
        const row = (
          <View key={i} wrap={false} style={s.row}>
            <Row columns={table.columns} cells={cells} />
          </View>
        );
        return heading ? (
          <View key={i} wrap={false}>
            <Text style={s.group}>{heading}</Text>
            {row}
          </View>
        ) : (
          row
        );
      })}
      {table.total ? (
        <View wrap={false} style={[s.row, s.total]}>
          <Row columns={table.columns} cells={table.total} />
        </View>
      ) : null}
    </View>
  );
}
