import { StyleSheet, Text, View } from "@react-pdf/renderer";
import type { ReportLayout } from "../report-layout";
import { MUTED, RULE, styles, TONE_TEXT } from "./styles";

const s = StyleSheet.create({
  grid: { flexDirection: "row", flexWrap: "wrap", borderTopWidth: 0.5, borderLeftWidth: 0.5, borderColor: RULE },
  tile: {
    width: "25%",
    paddingVertical: 5,
    paddingHorizontal: 6,
    borderRightWidth: 0.5,
    borderBottomWidth: 0.5,
    borderColor: RULE,
  },
  label: { fontSize: 7.5, lineHeight: 1.25, color: MUTED },
  value: { fontSize: 13, lineHeight: 1.25, fontWeight: 700, marginTop: 1 },
  detail: { fontSize: 7, lineHeight: 1.25, color: MUTED, marginTop: 1 },
  counts: { flexDirection: "row", marginTop: 6, fontSize: 8 },
  count: { marginLeft: 10, fontWeight: 600 },
});

/** The key figures as tiles, kept on one page, then the units counted by pace. */
export function KpiBlock({ layout }: { layout: ReportLayout }) {
  return (
    <View style={styles.section} wrap={false}>
      <Text style={styles.sectionTitle}>{layout.sections.kpi}</Text>
      <View style={s.grid}>
        {layout.kpis.map((kpi) => (
          <View key={kpi.label} style={s.tile}>
            <Text style={s.label}>{kpi.label}</Text>
            <Text style={[s.value, kpi.tone ? { color: TONE_TEXT[kpi.tone] } : {}]}>{kpi.value}</Text>
            <Text style={s.detail}>{kpi.detail || " "}</Text>
          </View>
        ))}
      </View>
      {layout.paceCounts ? (
        <View style={s.counts}>
          <Text>{layout.paceCounts.label}:</Text>
          {layout.paceCounts.items.map((item) => (
            <Text key={item.label} style={[s.count, { color: TONE_TEXT[item.tone] }]}>
              {item.label}: {item.count}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
