import { StyleSheet, Text, View } from "@react-pdf/renderer";
import type { ReportLayout } from "../report-layout";

const s = StyleSheet.create({
  row: { flexDirection: "row", justifyContent: "space-between" },
  left: { width: "42%", alignItems: "center" },
  right: { width: "56%", alignItems: "center" },
  regular: { fontSize: 10, textAlign: "center" },
  bold: { fontSize: 10, fontWeight: 700, textAlign: "center" },
  motto: { fontSize: 11, fontWeight: 700, textAlign: "center" },
  // The short rule under the issuer and under the motto, as the Vietnamese template draws it.
  rule: { borderBottomWidth: 0.75, borderBottomColor: "#0f172a", marginTop: 2 },
  number: { fontSize: 9.5, marginTop: 6, textAlign: "center" },
  placeDate: { fontSize: 10, fontStyle: "italic", marginTop: 8, textAlign: "center" },
  kind: { fontSize: 14, fontWeight: 700, textAlign: "center", marginTop: 18 },
  title: { fontSize: 11.5, fontWeight: 700, textAlign: "center", marginTop: 2, marginHorizontal: 40 },
  meta: { fontSize: 9, textAlign: "center", marginTop: 3 },
  generated: { fontSize: 8, color: "#475569", textAlign: "center", marginTop: 3 },
  demo: { fontSize: 8, color: "#92400e", textAlign: "center", marginTop: 3, fontWeight: 600 },
});

/**
 * The header of a Vietnamese administrative report: the issuing body on the left, the national
 * name and motto on the right with the place and date under them, then the title.
 */
export function OfficialHeader({ layout }: { layout: ReportLayout }) {
  const { header } = layout;
  return (
    <View wrap={false}>
      <View style={s.row}>
        <View style={s.left}>
          {header.parent ? <Text style={s.regular}>{header.parent}</Text> : null}
          {header.issuer.map((line) => (
            <Text key={line} style={s.bold}>
              {line}
            </Text>
          ))}
          <View style={[s.rule, { width: 60 }]} />
          <Text style={s.number}>{header.number}</Text>
        </View>
        <View style={s.right}>
          <Text style={s.bold}>{header.republic}</Text>
          <Text style={s.motto}>{header.motto}</Text>
          <View style={[s.rule, { width: 150 }]} />
          <Text style={s.placeDate}>{header.placeDate}</Text>
        </View>
      </View>
      <Text style={s.kind}>{layout.kind}</Text>
      <Text style={s.title}>{layout.title}</Text>
      <Text style={s.meta}>{layout.scope}</Text>
      <Text style={s.meta}>{layout.campaign}</Text>
      <Text style={s.generated}>{layout.generated}</Text>
      {layout.demo ? <Text style={s.demo}>{layout.demo}</Text> : null}
    </View>
  );
}
