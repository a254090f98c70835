import { Line, Polyline, StyleSheet, Svg, Text, View } from "@react-pdf/renderer";
import type { ReportLayout } from "../report-layout";
import { CONTENT_WIDTH, MUTED, RULE, styles } from "./styles";

const AXIS = 48;
const HEIGHT = 140;
const WIDTH = CONTENT_WIDTH - AXIS - 6;
const ACTIVATED = "#0369a1";

const s = StyleSheet.create({
  tick: { position: "absolute", fontSize: 6.5, color: MUTED },
  legend: { flexDirection: "row", marginTop: 2, fontSize: 7, color: MUTED },
  swatch: { width: 14, height: 0, marginRight: 3, marginTop: 4 },
});

/** Figure 2: cumulative activations each day against the campaign's straight target line. */
export function CumulativeChart({ chart }: { chart: ReportLayout["cumulative"] }) {
  if (!("points" in chart)) {
    return (
      <View wrap={false}>
        <Text style={styles.caption}>{chart.title}</Text>
        <Text style={styles.note}>{chart.empty}</Text>
      </View>
    );
  }
  const { points, yTicks } = chart;
  const top = yTicks[yTicks.length - 1]?.value || 1;
  const x = (i: number) => (points.length > 1 ? (i / (points.length - 1)) * WIDTH : WIDTH / 2);
  const y = (value: number) => HEIGHT - (value / top) * HEIGHT;
  const line = (key: "activated" | "targetLine") => points.map((p, i) => `${x(i)},${y(p[key])}`).join(" ");
  return (
    <View wrap={false}>
      <Text style={styles.caption}>{chart.title}</Text>
      <View style={{ height: HEIGHT + 14 }}>
        {yTicks.map((tick) => (
          <Text
            key={tick.value}
            style={[s.tick, { left: 0, top: y(tick.value) - 4, width: AXIS - 4, textAlign: "right" }]}
          >
            {tick.label}
          </Text>
        ))}
        <Svg width={WIDTH} height={HEIGHT} style={{ position: "absolute", left: AXIS }}>
          {yTicks.map((tick) => (
            <Line
              key={tick.value}
              x1={0}
              y1={y(tick.value)}
              x2={WIDTH}
              y2={y(tick.value)}
              stroke={RULE}
              strokeWidth={0.4}
            />
          ))}
          <Polyline points={line("targetLine")} fill="none" stroke="#0f172a" strokeWidth={1} strokeDasharray="4 3" />
          <Polyline points={line("activated")} fill="none" stroke={ACTIVATED} strokeWidth={1.6} />
        </Svg>
        {chart.xLabels.map((label) => (
          <Text
            key={label.index}
            style={[s.tick, { top: HEIGHT + 3, left: AXIS + x(label.index) - 30, width: 60, textAlign: "center" }]}
          >
            {label.label}
          </Text>
        ))}
      </View>
      <View style={s.legend}>
        <View style={[s.swatch, { borderTopWidth: 1.6, borderTopColor: ACTIVATED }]} />
        <Text style={{ marginRight: 12 }}>{chart.legend.activated}</Text>
        <View style={[s.swatch, { borderTopWidth: 1, borderTopColor: "#0f172a", borderStyle: "dashed" }]} />
        <Text>{chart.legend.target}</Text>
      </View>
      <Text style={styles.note}>{chart.note}</Text>
    </View>
  );
}
