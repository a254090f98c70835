import { StyleSheet, Text, View } from "@react-pdf/renderer";
import type { ReportLayout } from "../report-layout";

const s = StyleSheet.create({
  row: { flexDirection: "row", justifyContent: "space-between", marginTop: 16 },
  recipients: { width: "45%", fontSize: 8 },
  heading: { fontSize: 8.5, fontWeight: 700, fontStyle: "italic" },
  sign: { width: "45%", alignItems: "center" },
  preparer: { fontSize: 10, fontWeight: 700 },
  hint: { fontSize: 8.5, fontStyle: "italic", marginBottom: 48 },
});

/** The end of an administrative report: who receives it, and room for the preparer's signature. */
export function Closing({ closing }: { closing: ReportLayout["closing"] }) {
  return (
    <View style={s.row} wrap={false}>
      <View style={s.recipients}>
        <Text style={s.heading}>{closing.recipients}</Text>
        {closing.list.map((line) => (
          <Text key={line}>{line}</Text>
        ))}
      </View>
      <View style={s.sign}>
        <Text style={s.preparer}>{closing.preparer}</Text>
        <Text style={s.hint}>{closing.signHint}</Text>
      </View>
    </View>
  );
}
